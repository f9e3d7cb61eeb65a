import path from "node:path";
import { apiGet, DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";
import { createGeneration } from "./support/generations";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "registro-generacion-piloto.csv");

test("a coordinator imports a spreadsheet: fixes a column, resolves a possible duplicate, commits, and the totals follow", async ({
  page,
  context,
  database,
}) => {
  const { generationId, number } = await createGeneration(database, "piloto");

  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto(`/generations/${generationId}`);
  await page.getByRole("link", { name: "Importar desde hoja de cálculo" }).click();
  await page.getByLabel("Hoja de cálculo (CSV o XLSX)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Subir y revisar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("registro-generacion-piloto.csv");

  // "Apellido 2" was not recognized: Manuel's and Eduardo's names are incomplete until it is mapped.
  await expect(page.getByLabel("Apellido 2")).toHaveValue("");
  await page.getByLabel("Apellido 2").selectOption({ label: "Apellido materno" });
  await page.getByLabel("Guardar estas columnas como (opcional)").fill(`Registro piloto ${number}`);
  await page.getByRole("button", { name: "Aplicar columnas" }).click();
  await expect(page.getByTestId("import-counts")).toHaveText(
    "5 filas: 1 nuevas, 1 ya registradas, 1 repiten una fila anterior, 1 posiblemente registradas (decide abajo), 1 con errores (se omiten).",
  );
  const attention = page.getByRole("table", { name: "Filas que requieren atención" });
  await expect(attention.getByRole("row", { name: /Rubén/ })).toContainText("Apellido paterno: ");
  await expect(page.getByRole("table", { name: /Filas listas/ }).getByRole("row", { name: /Eduardo/ })).toContainText(
    "Registrada: Eduardo Sánchez Sánchez",
  );

  // Manuel has a namesake in another network: the app suggests a new person and shows where the namesake is.
  const manuel = page.getByRole("group", { name: /Fila 3: manuel ramirez medina/ });
  await expect(manuel.getByLabel(/Registrar como persona nueva/)).toBeChecked();
  await expect(manuel).toContainText("Red Impulso OSC");
  await manuel.getByLabel(/Es Manuel Ramírez Medina/).check();
  await page.getByRole("button", { name: /^Importar 4 filas$/ }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Importación hecha: 1 persona creada, 3 vinculadas a registros existentes, 1 fila omitida.",
  );

  // Teresa (new), Eduardo and Manuel (existing) are enrolled; her repeated row added nobody.
  const summary = await (await apiGet(context.request, `/api/v1/generations/${generationId}/summary`)).json();
  expect(summary).toMatchObject({ enrolled: 3, people: 0 });
  const { rows } = await database.query(`SELECT "givenNames", phone FROM people WHERE email = 'teresa.quintero@correo.test'`);
  expect(rows).toEqual([{ givenNames: "Teresa", phone: "+52 662 555 7001" }]);

  // The same file again finds the import already made.
  await page.goto(`/generations/${generationId}/import`);
  await page.getByLabel("Hoja de cálculo (CSV o XLSX)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Subir y revisar" }).click();
  await expect(page.getByTestId("import-result")).toContainText("1 persona creada");
});

test("a liaison imports only through their own network", async ({ page, database }) => {
  const { generationId } = await createGeneration(database, "enlace");
  await signInAndWait(page, "enlace.sonora@example.org", DEMO_PASSWORD);
  await page.goto(`/generations/${generationId}/import`);
  const csv =
    "Nombre(s);Apellido paterno;Organización;Estado;Red\nIrma;Solís;Colectivo Cuenca Viva;Sonora;Red Impulso OSC\nOlga;Rey;Colectivo Cuenca Viva;Sonora;Red Comunitaria Sonora\n";
  await page
    .getByLabel("Hoja de cálculo (CSV o XLSX)")
    .setInputFiles({ name: "enlace.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Subir y revisar" }).click();
  await expect(page.getByRole("row", { name: /Irma/ })).toContainText(
    "Red: Ninguna red de esta generación (en la que puedas importar) tiene este nombre.",
  );
  await page.getByRole("button", { name: /^Importar 1 fila$/ }).click();
  await expect(page.getByTestId("import-result")).toContainText("1 persona creada");
  const { rows } = await database.query(
    `SELECT n.name FROM enrollments e JOIN networks n ON n.id = e."networkId" WHERE e."generationId" = $1`,
    [generationId],
  );
  expect(rows).toEqual([{ name: "Red Comunitaria Sonora" }]);

  // The commit's progress is readable by whoever may import there, and by nobody else.
  const progressUrl = `/api/v1/imports/${page.url().split("/imports/")[1]}/progress`;
  expect((await apiGet(page.context().request, progressUrl)).status()).toBe(200);
  await page.context().clearCookies();
  await signInAndWait(page, "fondos@example.org", DEMO_PASSWORD);
  expect((await apiGet(page.context().request, progressUrl)).status()).toBe(404);
});

test("files up to the promised 10 MB reach the import's own checks, and larger ones get its message, never a generic error", async ({
  page,
  database,
}) => {
  const { generationId } = await createGeneration(database, "limites");
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  const upload = async (name: string, bytes: Buffer) => {
    await page.goto(`/generations/${generationId}/import`);
    await page.getByLabel("Hoja de cálculo (CSV o XLSX)").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
    await page.getByRole("button", { name: "Subir y revisar" }).click();
  };
  // 4 MB (above the old 3 MB body limit of server actions): 70,000 rows, refused for its rows, by name.
  await upload("muchas-filas.csv", Buffer.from(`Nombre,Correo\n${"Persona Prueba,persona@example.test\n".repeat(70_000)}`));
  await expect(page.getByRole("main")).toContainText("El archivo tiene más de 20,000 filas");
  // 10.5 MB: over the limit, said as such.
  await upload("enorme.csv", Buffer.alloc(10.5 * 1024 * 1024, "a"));
  await expect(page.getByRole("main")).toContainText("El archivo pesa más de 10 MB");
});
