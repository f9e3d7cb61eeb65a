import { apiGet, DEMO_PASSWORD, expect, signIn, signInAndWait, test } from "./support/fixtures";

test.describe("signing in", () => {
  test("the right password opens the home page; security headers are set", async ({ page }) => {
    const response = await page.goto("/login");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();

    await signIn(page, "admin@example.org", DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hola, Ana Administradora");
  });

  test("a wrong password and an unknown email get the same message", async ({ page, createUser }) => {
    const user = await createUser();
    await signIn(page, user.email, "not the password");
    const wrongPassword = await page.getByRole("main").getByRole("alert").textContent();
    expect(wrongPassword).toBe("El correo o la contraseña no son correctos.");

    await signIn(page, `nadie-${Date.now()}@example.test`, "not the password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(wrongPassword ?? "");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the 6th failed sign-in within 15 minutes is refused even with the right password", async ({ page, createUser }) => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, user.email, `wrong ${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
    }
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Demasiados intentos fallidos");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a forged X-Forwarded-For on every try does not get a fresh address: the 6th is still refused", async ({ page, createUser }) => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${attempt}`, "x-real-ip": `198.51.100.${attempt}` });
      await signIn(page, user.email, `wrong ${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.77" });
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Demasiados intentos fallidos");
  });
});

test.describe("revoked sessions", () => {
  test("after sign-out, a replayed cookie gets the login page, a 401 and a refused server action", async ({
    page,
    context,
    createUser,
  }) => {
    const user = await createUser();
    await signInAndWait(page, user.email, user.password);

    // A second tab holds a form whose server action will be posted with the old cookie.
    const formTab = await context.newPage();
    await formTab.goto("/account");
    await expect(formTab.getByRole("heading", { name: "Cambiar contraseña" })).toBeVisible();
    const stolenCookies = await context.cookies();

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/login/);
    await context.addCookies(stolenCookies);

    // A page
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    // A route handler
    const api = await apiGet(context.request, "/api/v1/me");
    expect(api.status()).toBe(401);
    // A server action
    await formTab.getByLabel("Contraseña actual").fill(user.password);
    await formTab.getByLabel("Contraseña nueva", { exact: true }).fill("cambiada por un intruso");
    await formTab.getByLabel("Confirma la contraseña nueva").fill("cambiada por un intruso");
    await formTab.getByRole("button", { name: "Guardar contraseña" }).click();
    await expect(formTab).toHaveURL(/\/login/);

    // The password was not changed by the replayed request.
    await signInAndWait(page, user.email, user.password);
  });

  test("a deactivated user is locked out on their next request", async ({ page, browser, createUser }) => {
    const user = await createUser({ name: "Persona Por Desactivar" });
    await signInAndWait(page, user.email, user.password);

    const adminContext = await browser.newContext({ locale: "es-MX" });
    const admin = await adminContext.newPage();
    await signInAndWait(admin, "admin@example.org", DEMO_PASSWORD);
    await admin.goto(`/admin/users/${user.id}`);
    await admin.getByRole("button", { name: "Desactivar cuenta" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Cuenta desactivada." })).toBeVisible();
    await adminContext.close();

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
  });

  test("changing the password signs out the user's other browsers", async ({ page, browser, createUser }) => {
    const user = await createUser();
    const otherContext = await browser.newContext({ locale: "es-MX" });
    const other = await otherContext.newPage();
    await signInAndWait(other, user.email, user.password);
    await signInAndWait(page, user.email, user.password);

    await page.goto("/account");
    await page.getByLabel("Contraseña actual").fill(user.password);
    await page.getByLabel("Contraseña nueva", { exact: true }).fill("otra contraseña segura");
    await page.getByLabel("Confirma la contraseña nueva").fill("otra contraseña segura");
    await page.getByRole("button", { name: "Guardar contraseña" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Tu contraseña se cambió" })).toBeVisible();

    await other.reload();
    await expect(other).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL("/");
    await otherContext.close();
  });
});
