import { randomBytes, randomInt } from "node:crypto";
import { apiGet, DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";
import { createGeneration } from "./support/generations";

type Database = { query: (sql: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> };

/** The same woman registered twice in one generation: "Ma." for María, surnames swapped, the phone written another way. */
async function createTwins(database: Database, generationId: string) {
  const tag = randomBytes(3).toString("hex");
  const digits = String(randomInt(100, 1000));
  const surname = `Quiroga${tag}`;
  const { rows } = await database.query(
    `SELECT "organizationId" FROM network_memberships WHERE "networkId" = 'demo-network-sonora' ORDER BY "organizationId" LIMIT 1`,
    [],
  );
  const organizationId = rows[0]!.organizationId as string;
  const people = [
    { id: `e2e-dup-a-${tag}`, given: "María Fernanda", first: surname, second: "Salcido", phone: `+52 662 7${digits} 0001` },
    { id: `e2e-dup-b-${tag}`, given: "Ma. Fernanda", first: "Salcido", second: surname, phone: `6627${digits}0001` },
  ];
  for (const person of people) {
    await database.query(
      `INSERT INTO people (id, "givenNames", "firstSurname", "secondSurname", phone, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [person.id, person.given, person.first, person.second, person.phone],
    );
    await database.query(
      `INSERT INTO enrollments (id, "personId", "generationId", "networkId", "organizationId", status, "updatedAt")
       VALUES ($1, $2, $3, 'demo-network-sonora', $4, 'ACTIVE', now())`,
      [`${person.id}-e`, person.id, generationId, organizationId],
    );
  }
  return { surname, ids: people.map((person) => person.id) };
}

test("a coordinator finds a person registered twice, merges the records, sees the totals follow, and undoes the merge", async ({
  page,
  context,
  database,
}) => {
  const { generationId } = await createGeneration(database, "duplicados");
  const { surname, ids } = await createTwins(database, generationId);
  const enrolled = async () => (await (await apiGet(context.request, `/api/v1/generations/${generationId}/summary`)).json()).enrolled;

  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  expect(await enrolled()).toBe(2);
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Duplicados" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posibles duplicados");
  const pair = page.getByRole("listitem").filter({ hasText: `Ma. Fernanda Salcido ${surname}` });
  await expect(pair).toContainText("Confianza alta");
  await expect(pair.getByRole("list", { name: "Motivos" })).toContainText(
    "Mismo nombre (acentos, abreviaturas, apodos u orden de apellidos)",
  );
  await expect(pair.getByRole("list", { name: "Motivos" })).toContainText("Mismo teléfono");
  await pair.getByRole("link", { name: /Comparar y fusionar/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fusionar dos personas");
  await page
    .getByRole("group", { name: "¿Qué registro se conserva?" })
    .getByLabel(/^María Fernanda/)
    .check();
  await page.getByRole("group", { name: "Nombre(s)" }).getByLabel("María Fernanda").check();
  await page.getByRole("group", { name: "Primer apellido" }).getByLabel(surname).check();
  await page.getByRole("group", { name: "Teléfono" }).getByLabel(/^6627/).check();
  await page.getByRole("button", { name: "Fusionar registros" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fusión de registros");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(
    `Ma. Fernanda Salcido ${surname} se fusionó con María Fernanda ${surname} Salcido.`,
  );
  await expect(page.getByRole("main")).toContainText("1 inscripción");
  expect(await enrolled()).toBe(1);
  const { rows } = await database.query(`SELECT id, phone FROM people WHERE id = ANY($1)`, [ids]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.phone).toMatch(/^6627/);

  // The kept record lists the merge; its entry is where the undo is.
  await page
    .getByRole("main")
    .getByRole("link", { name: `María Fernanda ${surname} Salcido` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`María Fernanda ${surname} Salcido`);
  await expect(page.getByRole("heading", { name: "Registros fusionados en este" })).toBeVisible();
  await page
    .getByRole("main")
    .getByRole("link", { name: new RegExp(`^Ma\\. Fernanda Salcido ${surname} · `) })
    .click();
  await page.getByRole("button", { name: "Deshacer fusión" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(`La fusión de Ma. Fernanda Salcido ${surname} se deshizo`);
  expect(await enrolled()).toBe(2);
  expect((await database.query(`SELECT count(*)::int AS n FROM people WHERE id = ANY($1)`, [ids])).rows[0]!.n).toBe(2);

  // "Not a duplicate" is remembered: the pair leaves the list.
  await page.goto("/duplicates");
  await page
    .getByRole("listitem")
    .filter({ hasText: `Ma. Fernanda Salcido ${surname}` })
    .getByRole("button", { name: "No es duplicado" })
    .click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Ma. Fernanda Salcido ${surname}` })
      .filter({ hasText: "Confianza" }),
  ).toHaveCount(0);
  // The merge and its undo stay listed among the recent merges.
  await expect(page.getByRole("listitem").filter({ hasText: `Ma. Fernanda Salcido ${surname}` })).toContainText("(deshecha)", {
    timeout: 15_000,
  });
});

test("liaisons and funders cannot open duplicates or merges", async ({ page, database }) => {
  const { generationId } = await createGeneration(database, "duplicados-acceso");
  const { ids } = await createTwins(database, generationId);
  for (const email of ["enlace.sonora@example.org", "fondos@example.org"]) {
    await signInAndWait(page, email, DEMO_PASSWORD);
    await expect(page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Duplicados" })).toHaveCount(0);
    for (const path of ["/duplicates", `/duplicates/people/${ids[0]}/${ids[1]}`]) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(404);
    }
    await page.context().clearCookies();
  }
});
