import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { apiGet, DEMO_PASSWORD, expect, signIn, signInAndWait, test } from "./support/fixtures";

test("a user without grants sees no program data, on the page or through the API", async ({ page, context, createUser }) => {
  const user = await createUser();
  await signInAndWait(page, user.email, user.password);
  await expect(page.getByTestId("no-program-access")).toContainText("Aún no tienes acceso a ningún programa");
  await expect(page.getByText("Proyecto de Fortalecimiento de Redes")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Usuarios" })).toHaveCount(0);

  const response = await apiGet(context.request, "/api/v1/programs");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ programs: [] });
});

test("a coordinator sees their program but cannot reach user administration by URL", async ({ page, context, createUser }) => {
  const coordinator = await createUser({ role: "COORDINATOR" });
  await signInAndWait(page, coordinator.email, coordinator.password);
  await expect(page.getByTestId("program-list")).toContainText("Proyecto de Fortalecimiento de Redes");

  for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${coordinator.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();
  }
  const api = await apiGet(context.request, "/api/v1/me");
  expect((await api.json()).grants).toEqual([{ role: "COORDINATOR", programId: "demo-program-fortalecimiento", networkId: null }]);
});

test("an admin invites a coordinator, who chooses a password and signs in", async ({ page, browser, database }) => {
  const email = `invitada-${Date.now()}@example.test`;
  await signInAndWait(page, "admin@example.org", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Usuarios" }).first().click();
  await page.getByRole("link", { name: "Invitar usuario" }).click();

  // Submitting without a program shows the error next to the field and keeps what was typed.
  await page.getByLabel("Nombre completo").fill("Irene Invitada");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Rol inicial").selectOption("COORDINATOR");
  await page.getByRole("button", { name: "Crear e invitar" }).click();
  await expect(page.getByLabel("Programa")).toHaveAccessibleDescription("Elige un programa para este rol.");
  await expect(page.getByLabel("Nombre completo")).toHaveValue("Irene Invitada");

  await page.getByLabel("Programa").selectOption({ label: "Proyecto de Fortalecimiento de Redes" });
  await page.getByRole("button", { name: "Crear e invitar" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invitation\/[\w-]+$/);

  const invitedContext = await browser.newContext({ locale: "es-MX" });
  const invited = await invitedContext.newPage();
  await invited.goto(link);
  await expect(invited.getByText(`Hola, Irene Invitada. Elige una contraseña para entrar a Tejido con ${email}.`)).toBeVisible();
  await invited.getByLabel("Contraseña", { exact: true }).fill("corta");
  await invited.getByLabel("Confirma la contraseña").fill("corta");
  await invited.getByRole("button", { name: "Guardar y continuar" }).click();
  await expect(invited.getByText("La contraseña debe tener al menos 10 caracteres.")).toBeVisible();
  await invited.getByLabel("Contraseña", { exact: true }).fill("mi contraseña elegida");
  await invited.getByLabel("Confirma la contraseña").fill("mi contraseña elegida");
  await invited.getByRole("button", { name: "Guardar y continuar" }).click();
  await invited.getByRole("link", { name: "Ir a iniciar sesión" }).click();
  await signInAndWait(invited, email, "mi contraseña elegida");
  await expect(invited.getByTestId("program-list")).toContainText("Proyecto de Fortalecimiento de Redes");
  await invitedContext.close();

  await database.query("DELETE FROM users WHERE email = $1", [email]);
});

test("an admin filters the audit log and exports what the filter shows", async ({ page, createUser }) => {
  const someone = await createUser({ role: "FUNDER" });
  // A failed and a successful sign-in of that user, in another browser session.
  const other = await page.context().browser()!.newContext({ locale: "es-MX" });
  const otherPage = await other.newPage();
  await signIn(otherPage, someone.email, "no es la contraseña");
  await expect(otherPage.getByText("El correo o la contraseña no son correctos.")).toBeVisible();
  await signInAndWait(otherPage, someone.email, someone.password);
  await other.close();

  await signInAndWait(page, "admin@example.org", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Usuarios" }).first().click();
  await page.getByRole("link", { name: "Registro de auditoría" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registro de auditoría");
  await page.getByLabel("Acción").selectOption({ label: "auth (todas)" });
  await page.getByLabel("Usuario (nombre o correo)").fill(someone.email);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/action=auth/);
  const table = page.getByTestId("audit-table");
  await expect(table.getByRole("row")).toHaveCount(2); // the header and the sign-in: a failed one names no user
  await expect(table).toContainText("auth.signed-in");
  await expect(table).toContainText(someone.email);
  expect(await seriousViolations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportar CSV" }).click();
  const file = await download;
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text.split("\r\n")[0]).toBe(
    "\uFEFFFecha y hora,Acción,Correo del usuario,Usuario,Tipo de registro,Id del registro,Detalle,Id del evento",
  );
  expect(text).toContain(`auth.signed-in,${someone.email}`);
  expect(text.trim().split("\r\n")).toHaveLength(2);
});

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((v) => v.id);
}
