import { devices } from "@playwright/test";
import { apiGet, DEMO_PASSWORD, expect, signInAndWait, test } from "./support/fixtures";

const GENERATION_2020 = "/generations/demo-generation-2020";

test("a coordinator registers a new person in Red Comunitaria Sonora; once a facilitator marks her present on a phone, the totals read 133 / 94", async ({
  page,
  context,
  browser,
}) => {
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  const before = await (await apiGet(context.request, `/api/v1${GENERATION_2020}/summary`)).json();
  expect(before).toMatchObject({ people: 132, organizations: 93, networks: 4, states: 3, enrolled: 132, sessionsHeld: 17 });

  await page.goto(GENERATION_2020);
  await expect(page.getByTestId("headline")).toHaveText("132 personas de 93 organizaciones");
  await page.getByRole("link", { name: "Registrar participante" }).click();

  await page.getByLabel("Red por la que participa").selectOption({ label: "Red Comunitaria Sonora" });
  const person = page.getByRole("group", { name: "Persona" });
  await person.getByLabel("Nombre(s)").fill("Xóchitl");
  await person.getByLabel("Primer apellido").fill("Arvizu");
  await person.getByLabel("Segundo apellido").fill("Moreno");
  await person.getByLabel("Correo electrónico").fill("xochitl.arvizu@example.test");
  await person.getByLabel("Teléfono").fill("662 555 7788");
  const organization = page.getByRole("group", { name: "Organización" });
  await organization.getByLabel("Nombre", { exact: true }).fill("Colectivo Desierto Vivo de Caborca, A.C.");
  await organization.getByLabel("Municipio").fill("Caborca");
  await page.getByRole("button", { name: "Registrar e inscribir" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("quedó inscrita en la generación");
  await page.getByRole("link", { name: "Ver persona" }).click();
  await page.waitForURL(/\/people\/[^/]+$/);
  const personUrl = page.url();

  // Enrolled, not yet counted: she has not attended a held session.
  const enrolled = await (await apiGet(context.request, `/api/v1${GENERATION_2020}/summary`)).json();
  expect(enrolled).toMatchObject({ people: 132, organizations: 93, enrolled: 133 });

  // The facilitator takes attendance on a phone at the closing session.
  const phone = await browser.newContext({ ...devices["Pixel 7"], locale: "es-MX" });
  const facilitator = await phone.newPage();
  await signInAndWait(facilitator, "facilitacion@example.org", DEMO_PASSWORD);
  await facilitator.goto("/sessions/demo-s-closing");
  await facilitator.getByLabel("Buscar en la lista").fill("Xóchitl");
  const row = facilitator.getByRole("group", { name: /Xóchitl Arvizu Moreno/ });
  await row.getByText("Presente", { exact: true }).click();
  await expect(row.getByRole("status")).toHaveText("Guardado");
  await phone.close();

  await page.goto(GENERATION_2020);
  await expect(page.getByTestId("headline")).toHaveText("133 personas de 94 organizaciones");
  const after = await (await apiGet(context.request, `/api/v1${GENERATION_2020}/summary`)).json();
  expect(after).toMatchObject({ people: 133, organizations: 94, networks: 4, states: 3, enrolled: 133 });
  expect(after.byNetwork).toContainEqual(expect.objectContaining({ name: "Red Comunitaria Sonora", people: 35, organizations: 25 }));
  expect(after.definition).toContain("una sola vez");
  expect(after.byModality.map((m: { modality: string }) => m.modality)).toEqual(["IN_PERSON", "VIRTUAL"]);

  await page.goto(personUrl);
  await expect(page.getByTestId("person-attendance")).toContainText("Cierre de la primera generación");
  await expect(page.getByTestId("person-attendance")).toContainText("Presente");
});

test("registering the same email again shows the existing person instead of a duplicate", async ({ page }) => {
  await signInAndWait(page, "coordinacion@example.org", DEMO_PASSWORD);
  await page.goto(`${GENERATION_2020}/register`);
  await page.getByLabel("Red por la que participa").selectOption({ label: "Red Impulso OSC" });
  const person = page.getByRole("group", { name: "Persona" });
  await person.getByLabel("Nombre(s)").fill("Alguien");
  await person.getByLabel("Primer apellido").fill("Distinto");
  await person.getByLabel("Correo electrónico").fill("paulina.escalante@example.org");
  const organization = page.getByRole("group", { name: "Organización" });
  await organization.getByLabel("Nombre", { exact: true }).fill(`Organización de prueba ${Date.now()}`);
  await page.getByRole("button", { name: "Registrar e inscribir" }).click();

  const warning = page.getByTestId("duplicates-person");
  await expect(warning).toContainText("Mismo correo");
  await expect(warning).toContainText("Ese correo ya está registrado");
  await expect(warning.getByLabel(/Usar Paulina Escalante Rubio/)).toBeChecked();
  // What was typed is still there.
  await expect(person.getByLabel("Nombre(s)")).toHaveValue("Alguien");
});

test("a liaison works only on their own network: another network's person is a 404", async ({ page, context, createUser }) => {
  const liaison = await createUser({ role: "LIAISON", networkId: "demo-network-sonora" });
  await signInAndWait(page, liaison.email, liaison.password);

  await page.goto("/people?q=");
  const firstPerson = page.getByRole("main").getByRole("table").getByRole("link").first();
  await firstPerson.click();
  await expect(page.getByRole("main").getByText("Red Comunitaria Sonora").first()).toBeVisible();

  // demo-person-001 takes part through Red Impulso OSC (Chihuahua).
  const response = await page.goto("/people/demo-person-001");
  expect(response?.status()).toBe(404);
  const organization = await page.goto("/organizations/demo-org-001");
  expect(organization?.status()).toBe(404);
  const network = await page.goto("/networks/demo-network-impulso");
  expect(network?.status()).toBe(404);

  // The aggregates of the generation their network takes part in stay readable.
  const summary = await apiGet(context.request, `/api/v1${GENERATION_2020}/summary`);
  expect(summary.status()).toBe(200);
});

test("a funder sees the totals but no name, email or phone anywhere", async ({ page, context, database }) => {
  await signInAndWait(page, "fondos@example.org", DEMO_PASSWORD);
  const response = await page.goto(GENERATION_2020);
  await expect(page.getByTestId("headline")).toContainText("personas de");
  const html = (await response?.text()) ?? "";
  const rendered = await page.content();
  // The React Server Component payload of a client navigation too.
  const rsc = await (await apiGet(context.request, GENERATION_2020, { headers: { RSC: "1" } })).text();
  const api = [
    await (await apiGet(context.request, "/api/v1/generations")).text(),
    await (await apiGet(context.request, `/api/v1${GENERATION_2020}/summary`)).text(),
  ].join("\n");

  const { rows } = await database.query<{ givenNames: string; firstSurname: string; email: string | null; phone: string | null }>(
    `SELECT "givenNames", "firstSurname", email, phone FROM people`,
  );
  expect(rows.length).toBeGreaterThan(100);
  for (const text of [html, rendered, rsc, api]) {
    for (const person of rows) {
      expect(text).not.toContain(`${person.givenNames} ${person.firstSurname}`);
      if (person.email) expect(text).not.toContain(person.email);
      if (person.phone) expect(text).not.toContain(person.phone);
    }
  }

  for (const path of ["/people", "/people/demo-person-001", "/organizations", "/networks"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("an API token works with its owner's rights until it is revoked in settings", async ({ page, playwright, baseURL }) => {
  await signInAndWait(page, "fondos@example.org", DEMO_PASSWORD);
  await page.goto("/account");
  const name = `Tablero ${Date.now()}`;
  await page.getByLabel("Nombre del token").fill(name);
  await page.getByRole("button", { name: "Crear token" }).click();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^tej_/);

  // A client with no cookies at all, as another tool would be.
  const api = await playwright.request.newContext({ baseURL });
  const authorized = { headers: { Authorization: `Bearer ${token}` } };
  const summary = await apiGet(api, `/api/v1${GENERATION_2020}/summary`, authorized);
  expect(summary.status()).toBe(200);
  expect((await summary.json()).people).toBeGreaterThanOrEqual(132);
  expect((await apiGet(api, `/api/v1${GENERATION_2020}/summary`)).status()).toBe(401);
  expect((await apiGet(api, "/api/v1/generations/does-not-exist/summary", authorized)).status()).toBe(404);

  await page.reload();
  await page.getByRole("button", { name: `Revocar el token ${name}` }).click();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await apiGet(api, `/api/v1${GENERATION_2020}/summary`, authorized)).status()).toBe(401);
  await api.dispose();
});

test("a funder's dashboard shows 132 people from 93 organizations, KPIs and charts with tables, filters in the URL, and no personal data @pristine", async ({
  page,
  context,
  database,
}) => {
  await signInAndWait(page, "fondos@example.org", DEMO_PASSWORD);
  await page.goto(GENERATION_2020);
  await page.getByRole("link", { name: "Ver tablero" }).click();
  await expect(page.getByTestId("dashboard-headline")).toHaveText("132 personas de 93 organizaciones de 4 redes en 3 estados");
  await expect(page.getByTestId("dashboard-kpis")).toContainText("Participaron132");
  await expect(page.getByTestId("dashboard-kpis")).toContainText("Inscritas132");
  await expect(page.getByRole("img", { name: /^Asistencia por sesión/ })).toBeVisible();

  await page.getByLabel("Modalidad").selectOption({ label: "Presencial" });
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/modality=IN_PERSON/);
  await expect(page.getByTestId("dashboard-kpis")).toContainText("Sesiones realizadas8");

  const html = await (await apiGet(context.request, page.url())).text();
  const { rows } = await database.query<{ email: string | null; firstSurname: string; givenNames: string }>(
    `SELECT "givenNames", "firstSurname", email FROM people`,
  );
  for (const person of rows) {
    expect(html).not.toContain(`${person.givenNames} ${person.firstSurname}`);
    if (person.email) expect(html).not.toContain(person.email);
  }
});
