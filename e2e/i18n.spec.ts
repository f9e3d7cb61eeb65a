import { expect, signInAndWait, test } from "./support/fixtures";

test("the login page renders in Spanish by default and in English on request", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "es-MX");
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await expect(page.getByLabel("Correo electrónico")).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
});

test("a signed-in user's language is remembered on their other devices", async ({ page, browser, createUser }) => {
  const user = await createUser({ name: "Laura Lenguas" });
  await signInAndWait(page, user.email, user.password);
  await page.goto("/account");
  await page.getByRole("main").getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();

  // A fresh browser has no cookie: the language comes from the user's record once they sign in.
  const otherContext = await browser.newContext({ locale: "es-MX" });
  const other = await otherContext.newPage();
  await other.goto("/login");
  await other.getByLabel("Correo electrónico").fill(user.email);
  await other.getByLabel("Contraseña").fill(user.password);
  await other.getByRole("button", { name: "Entrar" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Hello, Laura Lenguas");
  await otherContext.close();
});
