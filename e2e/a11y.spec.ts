import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test.describe("accessibility @phone", () => {
  test("the login page has no serious or critical axe violations", async ({ page }) => {
    await page.goto("/login");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the home page has no serious or critical axe violations", async ({ page }) => {
    await signInAndWait(page, "admin@example.org", DEMO_PASSWORD);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the registry pages have no serious or critical axe violations", async ({ page }) => {
    // Seven pages, each loaded and analyzed by axe: more than one page's budget on two cores.
    test.setTimeout(90_000);
    await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
    for (const path of [
      "/generations/demo-generation-2020",
      "/generations/demo-generation-2020/register",
      "/people",
      "/people/demo-person-001",
      "/organizations",
      "/networks/demo-network-sonora",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test("the dashboard, its drill-downs and the comparison have no serious or critical axe violations", async ({ page }) => {
    // Seven pages, each loaded and analyzed by axe: more than one page's budget on two cores.
    test.setTimeout(90_000);
    await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
    for (const path of [
      "/generations/demo-generation-2020/dashboard",
      "/generations/demo-generation-2020/dashboard/people",
      "/generations/demo-generation-2020/dashboard/organizations?organizationType=CIVIL_SOCIETY",
      "/generations/demo-generation-2021/compare",
      "/generations/demo-generation-2021/import",
      "/duplicates",
      "/duplicates?kind=organizations",
      "/duplicates/merge-high",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test("the merge pages of the demo's duplicates have no serious or critical axe violations", async ({ page }) => {
    await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
    for (const kind of ["", "?kind=organizations"]) {
      await page.goto(`/duplicates${kind}`);
      await page
        .getByRole("link", { name: /^Comparar y fusionar/ })
        .first()
        .click();
      await expect(page.getByRole("button", { name: "Fusionar registros" })).toBeVisible();
      expect(await seriousViolations(page), page.url()).toEqual([]);
    }
  });

  test("a session's roster, with every status shown selected, has no serious or critical axe violations", async ({ page, database }) => {
    // A demo session whose marks include each status, so axe checks the contrast of each selected button. A roster of
    // a hundred people takes axe a while on two cores.
    test.setTimeout(90_000);
    const { rows } = await database.query<{ id: string }>(
      `SELECT "sessionId" AS id FROM attendance GROUP BY "sessionId" HAVING count(DISTINCT status) = 4 ORDER BY 1 LIMIT 1`,
    );
    await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
    await page.goto(`/sessions/${rows[0]!.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the public check-in page has no serious or critical axe violations", async ({ page }) => {
    await page.goto("/check-in/ABCDEFGH");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the user administration pages have no serious or critical axe violations", async ({ page }) => {
    await signInAndWait(page, "admin@example.org", DEMO_PASSWORD);
    await page.goto("/admin/users");
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto("/admin/users/new");
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("the sign-in form works with the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Correo electrónico")).toBeFocused();
  await page.keyboard.type("admin@example.org");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Contraseña")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/");
});

test("on a phone the navigation opens from the menu button @phone-only", async ({ page }) => {
  await signInAndWait(page, "admin@example.org", DEMO_PASSWORD);
  await expect(page.getByRole("link", { name: "Usuarios", exact: true })).toBeHidden();
  await page.getByText("Menú").click();
  await page.getByRole("link", { name: "Usuarios", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Usuarios", level: 1 })).toBeVisible();
});
