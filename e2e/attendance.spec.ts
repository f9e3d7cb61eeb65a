import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { devices } from "@playwright/test";
import { DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";

test("the demo Zoom report imports and leaves its unmatched rows for review; importing it again changes nothing", async ({ page }) => {
  await signInAndWait(page, "facilitacion@example.org", DEMO_PASSWORD);
  await page.goto("/sessions/demo-s-advocacy-2");
  const report = path.join(import.meta.dirname, "fixtures", "zoom-incidencia-2020-04-29.csv");

  await page.getByLabel("Archivo CSV").setInputFiles(report);
  await page.getByRole("button", { name: "Importar reporte" }).click();
  const result = page.getByRole("main").getByRole("status").filter({ hasText: "Reporte importado." });
  await expect(result).toContainText("2 filas sin identificar");
  // The message counts what the roster's counter shows, in the same words.
  const counter = (await page.getByTestId("attendance-counts").innerText()).split(" · asistencia")[0]!;
  expect(counter).toMatch(/^Presente: \d+ · Retardo: \d+ · Justificó: \d+ · Ausente: \d+ · sin marca: 0$/);
  await expect(result).toContainText(`La lista queda así: ${counter}.`);
  const unmatched = page.getByTestId("unmatched");
  await expect(unmatched).toContainText("2 filas por revisar");
  await expect(unmatched).toContainText("Lucía Díaz");
  await expect(unmatched).toContainText("hay más de una persona con ese nombre");
  await expect(unmatched).toContainText("Observadora Externa (Invitada de la fundación)");
  await expect(page.getByTestId("attendance-counts")).toContainText("sin marca: 0");

  await page.getByLabel("Archivo CSV").setInputFiles(report);
  await page.getByRole("button", { name: "Importar reporte" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "ya se había importado" })).toBeVisible();
});

test("a facilitator cannot open a session they do not facilitate", async ({ page, createUser }) => {
  const other = await createUser({ role: "FACILITATOR" });
  await signInAndWait(page, other.email, other.password);
  const response = await page.goto("/sessions/demo-s-advocacy-1");
  expect(response?.status()).toBe(404);
  await page.goto("/sessions");
  await expect(page.getByRole("main")).not.toContainText("Incidencia en políticas públicas");
});

test("self check-in marks present inside the session window and says when it is closed", async ({ page, browser, database }) => {
  // Two 2021 sessions for Red Comunitaria Sonora: one happening now, one already over.
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const ids = { open: `e2e-checkin-open-${suffix}`, over: `e2e-checkin-over-${suffix}` };
  const overCode = `OVER${suffix}`;
  await database.query(
    `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", modality, status, "allNetworks", "checkInCode", "updatedAt")
     VALUES ($1, 'demo-ws-2021-kickoff', now() - interval '5 minutes', now() + interval '2 hours', 'IN_PERSON', 'PLANNED', true, NULL, now()),
            ($2, 'demo-ws-2021-kickoff', now() - interval '4 hours', now() - interval '2 hours', 'IN_PERSON', 'PLANNED', true, $3, now())`,
    [ids.open, ids.over, overCode],
  );
  try {
    await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
    // Opening check-in for a session that is over would hand out a link that takes no marks: the page says so.
    await page.goto(`/sessions/${ids.over}`);
    await expect(page.getByTestId("check-in-window")).toHaveText("Esta sesión ya terminó: el enlace de registro no aceptará marcas.");
    await page.goto(`/sessions/${ids.open}`);
    await expect(page.getByTestId("check-in-window")).toHaveCount(0);
    await page.getByRole("button", { name: "Abrir registro por celular" }).click();
    const code = (await page.getByTestId("check-in-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await expect(page.getByRole("img", { name: "Código QR del enlace de registro" })).toBeVisible();

    const phone = await browser.newContext({ ...devices["Pixel 7"], locale: "es-MX" });
    const participant = await phone.newPage();
    await participant.goto(`/check-in/${code}`);
    await participant.getByLabel("Correo electrónico").fill("nadie@example.test");
    await participant.getByRole("button", { name: "Marcar mi asistencia" }).click();
    await expect(participant.getByRole("main").getByRole("alert")).toContainText("no está en la lista");
    await participant.getByLabel("Correo electrónico").fill("paulina.escalante@example.org");
    await participant.getByRole("button", { name: "Marcar mi asistencia" }).click();
    await expect(participant.getByRole("main").getByRole("status")).toHaveText(
      "¡Listo! Se registró la asistencia de Paulina E.: presente.",
    );

    // A session that is over says so before anyone types: no form to fill in vain.
    await participant.goto(`/check-in/${overCode}`);
    await expect(participant.getByTestId("check-in-state")).toHaveText("El registro de esta sesión ya cerró.");
    await expect(participant.getByLabel("Correo electrónico")).toHaveCount(0);
    await phone.close();

    await page.reload();
    const row = page.getByRole("group", { name: /Paulina Escalante Rubio/ });
    await expect(row.getByRole("radio", { name: "Presente" })).toBeChecked();
  } finally {
    await database.query(`DELETE FROM sessions WHERE id = ANY($1)`, [[ids.open, ids.over]]);
  }
});

test("a facilitator sees the generation's totals and can add a walk-in to their session", async ({ page }) => {
  await signInAndWait(page, "facilitacion@example.org", DEMO_PASSWORD);
  await page.goto("/generations/demo-generation-2020");
  await expect(page.getByTestId("headline")).toContainText("personas de");
  await page.goto("/sessions/demo-s-closing");
  await page.getByRole("link", { name: "Agregar asistente no inscrita" }).click();
  await expect(page.getByRole("heading", { name: "Asistente no inscrita", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Red por la que participa")).toBeVisible();
});

test("a coordinator downloads the filtered people list as CSV with accents and neutralized cells", async ({ page }) => {
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto("/people?networkId=demo-network-sonora");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Descargar personas (CSV)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^tejido-personas-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await fs.readFile(await download.path())).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Nombre(s),Primer apellido");
  // Sonora's people only, phones kept as text (their leading "+" is neutralized).
  expect(text).toContain("'+52 662");
  expect(text).not.toContain("+52 614");
});
