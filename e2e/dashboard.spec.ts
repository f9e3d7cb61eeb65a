import fs from "node:fs";
import type { Download } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { apiGet, DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";
import { createSandbox, dropSandbox } from "./support/sandbox";

const DASHBOARD = "/generations/demo-generation-2020/dashboard";

async function pdfText(download: Download) {
  const bytes = new Uint8Array(fs.readFileSync(await download.path()));
  return (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, " ");
}

// Other specs add a 133rd person to the demo generation, so counts are read from the page, never assumed.
const countIn = (text: string | null, word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(text ?? "")?.[1]);

test("a coordinator drills from the headline to the 132 people and 93 organizations behind it, with the rule that counted them @pristine", async ({
  page,
}) => {
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto(DASHBOARD);
  const headline = await page.getByTestId("dashboard-headline").textContent();
  const people = countIn(headline, "personas");
  const organizations = countIn(headline, "organizaciones");
  expect([people, organizations]).toEqual([132, 93]);

  await page
    .getByTestId("dashboard-headline")
    .getByRole("link", { name: `${people} personas` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${people} personas`);
  await expect(page.getByTestId("drill-down-rule")).toContainText("estuvo presente o llegó tarde al menos a una sesión realizada");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(51); // header + a page of 50
  await page.getByRole("link", { name: "Siguiente" }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole("link", { name: /Volver al tablero/ }).click();

  await page
    .getByTestId("dashboard-headline")
    .getByRole("link", { name: `${organizations} organizaciones` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${organizations} organizaciones`);
  await page.getByRole("link", { name: /Volver al tablero/ }).click();

  // A cell of the network comparison: Red Comunitaria Sonora's people, under an in-person filter kept in the URL.
  await page.getByLabel("Modalidad").selectOption({ label: "Presencial" });
  await page.getByRole("button", { name: "Filtrar" }).click();
  const sonora = page.getByRole("table", { name: "Comparación de redes" }).getByRole("row", { name: /Red Comunitaria Sonora/ });
  const cell = sonora.getByRole("link").first();
  const sonoraPeople = Number(await cell.textContent());
  await cell.click();
  await expect(page).toHaveURL(/modality=IN_PERSON/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${sonoraPeople} personas`);
  await expect(page.getByRole("list", { name: "Filtros aplicados" })).toContainText("Red: Red Comunitaria Sonora");
  await expect(page.getByRole("list", { name: "Filtros aplicados" })).toContainText("Modalidad: Presencial");
});

test("the PDF report downloads in Spanish and English with the dashboard's numbers", async ({ page }) => {
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto(DASHBOARD);
  const headline = (await page.getByTestId("dashboard-headline").textContent())!.replace(/\s+/g, " ");
  const kpis = page.getByTestId("dashboard-kpis");
  await expect(kpis).toContainText("Sesiones realizadas17");

  const [spanish] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF en español" }).click()]);
  expect(spanish.suggestedFilename()).toMatch(/^tejido-primera-generacion-2020-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(spanish);
  expect(text).toContain(headline);
  expect(text).toContain("Sesiones realizadas 17");
  expect(text).toContain("Red Comunitaria Sonora");

  const [english] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF en inglés" }).click()]);
  const englishText = await pdfText(english);
  expect(englishText).toContain(`${countIn(headline, "personas")} people from ${countIn(headline, "organizaciones")} organizations`);
  expect(englishText).toContain("Sessions held 17");
});

test("a funder gets the report and the comparison, but no list behind a number and no personal data", async ({
  page,
  context,
  database,
}) => {
  await signInAndWait(page, "fondos@example.org", DEMO_PASSWORD);
  await page.goto(DASHBOARD);
  await expect(page.getByTestId("dashboard-headline")).toContainText("personas de");
  await expect(page.getByTestId("dashboard-headline").getByRole("link")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF en español" }).click()]);
  const report = await pdfText(download);
  expect(report).toContain("personas de");

  // The generation is a filter too: switching keeps the others.
  await page.getByLabel("Modalidad").selectOption({ label: "Híbrida" });
  await page.getByLabel("Generación").selectOption({ label: "Segunda generación (2021)" });
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/\/generations\/demo-generation-2021\/dashboard\?modality=HYBRID$/);
  await page.goto(DASHBOARD);

  await page.getByRole("link", { name: "Comparar con otra generación" }).click();
  // Four of the six people enrolled in 2021 took part in 2020: a funder sees that small count as "<5".
  await expect(page.getByTestId("returning-people")).toHaveText(
    "<5 de las 6 personas inscritas en Segunda generación (2021) participaron en Primera generación (2020).",
  );
  const compare = await (await apiGet(context.request, page.url())).text();

  for (const path of [`${DASHBOARD}/people`, `${DASHBOARD}/organizations`, `${DASHBOARD}/people?measure=enrolled`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  const { rows } = await database.query<{ givenNames: string; firstSurname: string; email: string | null; phone: string | null }>(
    `SELECT "givenNames", "firstSurname", email, phone FROM people`,
  );
  for (const text of [report, compare]) {
    for (const person of rows) {
      expect(text).not.toContain(`${person.givenNames} ${person.firstSurname}`);
      if (person.email) expect(text).not.toContain(person.email);
      if (person.phone) expect(text).not.toContain(person.phone);
    }
  }
});

test("sections rendered once are reused only by viewers of the same numbers, suppression and language", async ({
  browser,
  createUser,
  database,
}) => {
  // Five sign-ins in fresh browsers.
  test.setTimeout(120_000);
  const sandbox = await createSandbox(database);
  try {
    const grant = async (role: "COORDINATOR" | "FUNDER") => {
      const user = await createUser();
      await database.query(`INSERT INTO grants (id, "userId", role, "programId") VALUES ($1, $2, $3, $4)`, [
        `${user.id}_grant`,
        user.id,
        role,
        sandbox.program,
      ]);
      return user;
    };
    const [coordinator, funder, english] = [await grant("COORDINATOR"), await grant("FUNDER"), await grant("COORDINATOR")];
    const headlineOf = async (user: { id: string; email: string; password: string }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAndWait(page, user.email, user.password);
      // Their saved language, read on every request.
      if (user === english) await database.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [user.id]);
      await page.goto(`/generations/${sandbox.generation}/dashboard`);
      const headline = page.getByTestId("dashboard-headline");
      const seen = { text: (await headline.textContent()) ?? "", links: await headline.getByRole("link").count() };
      await context.close();
      return seen;
    };
    const before = await headlineOf(coordinator);
    expect(before.text).toContain("Ninguna persona de");
    expect(before.links).toBe(2);
    // The same numbers right after, for other viewers: the funder's has no list behind a number, the English one is in English.
    expect((await headlineOf(funder)).links).toBe(0);
    expect((await headlineOf(english)).text).toContain("No people from");
    // A mark moves the numbers: nobody is served the section rendered before it.
    await database.query(
      `INSERT INTO attendance (id, "sessionId", "personId", status, source, "updatedAt") VALUES ($1, $2, $3, 'PRESENT', 'MANUAL', now())`,
      [`${sandbox.tag}-mark`, sandbox.session, sandbox.ownPerson],
    );
    expect((await headlineOf(coordinator)).text).toContain("1 persona de");
    expect((await headlineOf(funder)).text).toContain("1 persona de");
  } finally {
    await dropSandbox(database, sandbox, { matrix: false });
  }
});

test("a liaison sees their own network marked among the generation's networks, and others see no such mark", async ({ page }) => {
  await signInAndWait(page, "enlace.sonora@example.org", DEMO_PASSWORD);
  await page.goto("/generations/demo-generation-2020");
  const table = page.getByRole("table", { name: "Por red" });
  await expect(table.getByRole("row", { name: /Red Comunitaria Sonora/ })).toContainText("Tu red");
  await expect(table.getByText("Tu red")).toHaveCount(1);

  await page.context().clearCookies();
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto("/generations/demo-generation-2020");
  await expect(page.getByRole("table", { name: "Por red" }).getByRole("row", { name: /Red Comunitaria Sonora/ })).toBeVisible();
  await expect(page.getByText("Tu red")).toHaveCount(0);
});
