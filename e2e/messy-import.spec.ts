import { randomBytes } from "node:crypto";
import { apiGet, DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";
import { createGeneration } from "./support/generations";

// One person three ways (a nickname and Gmail without the dot; "Ma." in capitals), her brother on the family phone,
// a father and his son "Jr." on the organization's inbox, and the organization without its type word:
// four people of one organization.
const CSV = [
  "Nombre completo;Correo;Teléfono;Organización;Red",
  "Lupita Domínguez Vela;lupita.dominguez@gmail.com;662 100 2000;Colectivo Río Claro;Red Comunitaria Sonora",
  "MA. GUADALUPE DOMINGUEZ VELA;LUPITADOMINGUEZ@GMAIL.COM;;COLECTIVO RIO CLARO A.C.;Red Comunitaria Sonora",
  "Ramón Domínguez Vela;;+52 1 662 100 2000;Colectivo Río Claro;Red Comunitaria Sonora",
  "Juan Ortiz Lara;contacto@rioclaro.org.mx;;Colectivo Río Claro;Red Comunitaria Sonora",
  "Juan Ortiz Lara Jr.;contacto@rioclaro.org.mx;;Río Claro;Red Comunitaria Sonora",
].join("\n");

test("a coordinator imports a messy file, accepts the suggestions, merges the high pairs, and the headline counts each person once", async ({
  page,
  context,
  database,
}) => {
  const { generationId } = await createGeneration(database, "mezcla");
  // Registered before, twice (the same phone written two ways), both enrolled in this generation.
  const tag = randomBytes(3).toString("hex");
  for (const [id, given, first, second, phone] of [
    [`e2e-sofia-${tag}`, "Sofía", "Peña", "Ríos", "(662) 300-40-50"],
    [`e2e-sofia2-${tag}`, "SOFIA", "PEÑA", null, "+52 1 662 300 4050"],
  ]) {
    await database.query(
      `INSERT INTO people (id, "givenNames", "firstSurname", "secondSurname", phone, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [id, given, first, second, phone],
    );
    await database.query(
      `INSERT INTO enrollments (id, "personId", "generationId", "networkId", "organizationId", "updatedAt")
       VALUES ($1, $2, $3, 'demo-network-sonora', (SELECT "organizationId" FROM network_memberships WHERE "networkId" = 'demo-network-sonora' LIMIT 1), now())`,
      [`${id}-e`, id, generationId],
    );
  }

  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto(`/generations/${generationId}/import`);
  await page
    .getByLabel("Hoja de cálculo (CSV o XLSX)")
    .setInputFiles({ name: `mezcla-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Subir y revisar" }).click();
  await expect(page.getByTestId("import-counts")).toHaveText(
    "5 filas: 4 nuevas, 0 ya registradas, 1 repiten una fila anterior, 0 posiblemente registradas (decide abajo), 0 con errores (se omiten).",
  );
  await page.getByRole("button", { name: /^Importar 5 filas$/ }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Importación hecha: 4 personas creadas, 1 vinculada a registros existentes, 0 filas omitidas.",
  );
  // After the commit the page says what happened to each row.
  await expect(page.getByRole("table", { name: /Qué pasó con cada fila/ }).getByRole("row", { name: /GUADALUPE/ })).toContainText(
    "Vinculada a una persona registrada",
  );

  // Sofía's two records are a high-confidence pair of this generation: merged from the review screen.
  await page.goto(`/duplicates/merge-high?generationId=${generationId}`);
  await expect(page.getByTestId("merge-high-summary")).toContainText("Se fusionarán 2 registros en 1");
  await page.getByRole("button", { name: "Fusionar 2 registros" }).click();
  await expect(page.getByTestId("batch-line")).toContainText("1 fusión");

  const summary = await (await apiGet(context.request, `/api/v1/generations/${generationId}/summary`)).json();
  expect(summary).toMatchObject({ enrolled: 5 });
  const { rows } = await database.query(
    `SELECT count(DISTINCT "organizationId")::int AS organizations FROM enrollments WHERE "generationId" = $1 AND "personId" NOT LIKE 'e2e-sofia%'`,
    [generationId],
  );
  expect(rows).toEqual([{ organizations: 1 }]);

  // The whole batch can be put back.
  await page.getByRole("button", { name: "Deshacer toda la fusión en bloque" }).click();
  await expect(page.getByText(/^Deshecha el /)).toBeVisible();
  expect((await (await apiGet(context.request, `/api/v1/generations/${generationId}/summary`)).json()).enrolled).toBe(6);
});
