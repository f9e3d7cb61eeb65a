import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { expect, signIn, test, TEST_PASSWORD, type CreateUser } from "./support/fixtures";
import { createOrganization, createPerson, createSandbox, dropSandbox, type Sandbox } from "./support/sandbox";

/**
 * The role × entry-point matrix: every page with an id, every route handler and every server action (sent
 * as a raw POST, the way an attacker would, not through the UI), for anonymous, a deactivated user, an
 * admin, a coordinator, a facilitator, a network liaison, a funder and a coordinator of another program.
 * A cell passes only when an allowed role is let through and a refused one gets an authorization answer
 * (a redirect to sign in, 401/403/404, or an action's FORBIDDEN / NOT_FOUND); a validation error or a crash
 * is never taken as a denial. The number of cells evaluated is asserted, so none can silently drop out.
 */

const ROLES = ["anonymous", "deactivated", "funder", "facilitator", "liaison", "otherCoordinator", "coordinator", "admin"] as const;
type RoleName = (typeof ROLES)[number];
type Verdict = "allowed" | "denied" | `unexpected: ${string}`;
type Context = { request: APIRequestContext; role: RoleName; baseURL: string };
type Entry = { name: string; allowed: readonly RoleName[]; run: (context: Context) => Promise<Verdict> };

const SIGNED_IN: RoleName[] = ["admin", "coordinator", "facilitator", "liaison", "funder", "otherCoordinator"];
const MANAGERS: RoleName[] = ["admin", "coordinator"];
const PROGRAM_READERS: RoleName[] = ["admin", "coordinator", "facilitator", "funder"];
const GENERATION_READERS: RoleName[] = [...PROGRAM_READERS, "liaison"];
const PERSONAL_READERS: RoleName[] = ["admin", "coordinator", "facilitator"];

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { filename: string; exportedName: string }>;
};

function actionId(file: string, name: string) {
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in ${file}`);
  return found[0];
}

/** Every exported server action of the build, so an action added later without a matrix row fails here. */
function allActions() {
  return Object.values(manifest.node).map((entry) => `${entry.filename}#${entry.exportedName}`);
}

async function page(context: Context, url: string): Promise<Verdict> {
  const response = await context.request.get(url, { maxRedirects: 0, headers: { Connection: "close" } });
  if (response.status() === 200) return "allowed";
  if (response.status() === 404) return "denied";
  if (isLoginRedirect(response)) return "denied";
  return `unexpected: ${response.status()} ${response.headers().location ?? ""}`;
}

async function api(
  context: Context,
  method: "GET" | "POST",
  url: string,
  body?: { json?: unknown; multipart?: FormData },
): Promise<Verdict> {
  const response = await context.request.fetch(url, {
    method,
    maxRedirects: 0,
    headers: { Connection: "close", Origin: context.baseURL },
    ...(body?.json !== undefined ? { data: body.json } : {}),
    ...(body?.multipart ? { multipart: body.multipart } : {}),
  });
  const status = response.status();
  if ([401, 403, 404].includes(status)) return "denied";
  if ((status >= 200 && status < 300) || [409, 429].includes(status)) return "allowed";
  return `unexpected: ${status} ${(await response.text()).slice(0, 200)}`;
}

const isLoginRedirect = (response: APIResponse) =>
  /^\/login(\?|;|$)|\/login(\?|$)/.test(response.headers()["x-action-redirect"] ?? "") ||
  ([303, 307, 308].includes(response.status()) && /\/login(\?|$)/.test(response.headers().location ?? ""));

/**
 * A server action posted as the browser's fetch does it (React's reply encoding): the form's fields under
 * "1_", the arguments (previous state, the form) under "0". `direct` sends one JSON argument instead, for
 * actions a page calls with an object (a roster mark).
 */
async function action(
  context: Context,
  at: string,
  [file, name]: [string, string],
  fields: Record<string, string | string[] | File> | { direct: unknown },
): Promise<Verdict> {
  const headers = { "Next-Action": actionId(file, name), Accept: "text/x-component", Origin: context.baseURL, Connection: "close" };
  let response: APIResponse;
  if ("direct" in fields) {
    response = await context.request.post(at, {
      maxRedirects: 0,
      headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([fields.direct]),
    });
  } else {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
    // React's own encoder, as the browser's form submission uses it: (previous state, the form).
    const encoded = await encodeReply([{ status: "idle" }, form]);
    response = await context.request.post(at, { maxRedirects: 0, headers, multipart: encoded as FormData });
  }
  if (isLoginRedirect(response)) return "denied";
  if (response.status() === 404) return "denied";
  const body = await response.text();
  const result = /^1:(\{.*\})$/m.exec(body)?.[1];
  if (response.status() !== 200) return `unexpected: ${response.status()} ${body.slice(0, 200)}`;
  if (response.headers()["x-action-redirect"]) return "allowed";
  if (!result) return `unexpected: no result ${body.slice(0, 300)}`;
  const parsed = JSON.parse(result) as { status?: string; ok?: boolean; code?: string; message?: string; fieldErrors?: unknown };
  if (parsed.status === "success" || parsed.ok === true) return "allowed";
  if (parsed.code === "FORBIDDEN" || parsed.code === "NOT_FOUND" || parsed.code === "UNAUTHENTICATED") return "denied";
  // The record's state may refuse an allowed role (already done, taken): that is not a denial. A validation
  // error is neither: the row's input must be valid, or its refusals would prove nothing.
  if (parsed.code === "CONFLICT" || parsed.code === "RATE_LIMITED") return "allowed";
  return `unexpected: ${parsed.code ?? "no code"} ${parsed.message ?? ""} ${JSON.stringify(parsed.fieldErrors ?? {})}`;
}

type Users = Record<Exclude<RoleName, "anonymous">, { id: string; email: string; password: string }>;

async function createUsers(createUser: CreateUser, database: import("pg").Client, sandbox: Sandbox): Promise<Users> {
  const users = {} as Users;
  const grants: Record<Exclude<RoleName, "anonymous">, { role: string; programId: string | null; networkId: string | null }> = {
    admin: { role: "ADMIN", programId: null, networkId: null },
    coordinator: { role: "COORDINATOR", programId: sandbox.program, networkId: null },
    deactivated: { role: "COORDINATOR", programId: sandbox.program, networkId: null },
    facilitator: { role: "FACILITATOR", programId: sandbox.program, networkId: null },
    liaison: { role: "LIAISON", programId: null, networkId: sandbox.ownNetwork },
    funder: { role: "FUNDER", programId: sandbox.program, networkId: null },
    otherCoordinator: { role: "COORDINATOR", programId: "demo-program-fortalecimiento", networkId: null },
  };
  for (const [role, grant] of Object.entries(grants) as Array<[keyof Users, (typeof grants)[keyof Users]]>) {
    const user = await createUser({ name: `Matriz ${role}` });
    await database.query(`INSERT INTO grants (id, "userId", role, "programId", "networkId") VALUES ($1, $2, $3, $4, $5)`, [
      `${user.id}_grant`,
      user.id,
      grant.role,
      grant.programId,
      grant.networkId,
    ]);
    users[role] = user;
  }
  return users;
}

function entries(sandbox: Sandbox, users: Users, database: import("pg").Client, state: { importId: string; token: string }): Entry[] {
  const s = sandbox;
  const freshPersonPair = async () => {
    const name: [string, string] = [`Ximena ${Math.random().toString(36).slice(2, 8)}`, "Duplicada"];
    const first = await createPerson(database, {
      organizationId: s.otherOrganization,
      networkId: s.otherNetwork,
      generationId: s.generation,
      name,
    });
    const second = await createPerson(database, {
      organizationId: s.otherOrganization,
      networkId: s.otherNetwork,
      generationId: s.generation,
      name,
    });
    return [first, second].sort() as [string, string];
  };
  const freshOrganizationPair = async () => {
    const name = `Colectivo Gemelo ${Math.random().toString(36).slice(2, 8)} ${s.tag}`;
    const first = await createOrganization(database, { networkId: s.otherNetwork, state: "CHH", name });
    const second = await createOrganization(database, { networkId: s.otherNetwork, state: "CHH", name });
    return [first, second].sort() as [string, string];
  };
  const file = (name: string, text: string, type = "text/csv") => new File([text], name, { type });
  const people = "app/(app)/people/actions.ts";
  const organizations = "app/(app)/organizations/actions.ts";
  const sessions = "app/(app)/sessions/actions.ts";
  const duplicates = "app/(app)/duplicates/actions.ts";
  const users_ = "app/(app)/admin/users/actions.ts";
  const personFields = { givenNames: "Persona", firstSurname: "Matriz", phone: "6629876543" };

  return [
    // Pages, by URL id.
    ...(
      [
        [`/programs/${s.program}`, PROGRAM_READERS],
        [`/programs/${s.program}/edit`, ["admin"]],
        [`/generations/${s.generation}`, GENERATION_READERS],
        [`/generations/${s.generation}/edit`, MANAGERS],
        [`/generations/${s.generation}/dashboard`, GENERATION_READERS],
        // The people behind a number span every network: program roles only.
        [`/generations/${s.generation}/dashboard/people`, PERSONAL_READERS],
        [`/generations/${s.generation}/dashboard/organizations`, PERSONAL_READERS],
        [`/generations/${s.generation}/compare`, GENERATION_READERS],
        [`/generations/${s.generation}/import`, [...MANAGERS, "liaison"]],
        [`/generations/${s.generation}/register`, [...MANAGERS, "liaison"]],
        [`/generations/${s.generation}/workshops/new`, MANAGERS],
        [`/workshops/${s.workshop}`, GENERATION_READERS],
        // A facilitator reads the rosters of the sessions they facilitate, not this one.
        [`/sessions/${s.session}`, [...MANAGERS, "liaison"]],
        [`/sessions/${s.session}/edit`, MANAGERS],
        [`/sessions/${s.session}/walk-in`, MANAGERS],
        [`/people/${s.otherPerson}`, PERSONAL_READERS],
        [`/people/${s.otherPerson}/edit`, MANAGERS],
        [`/people/${s.ownPerson}`, [...PERSONAL_READERS, "liaison"]],
        [`/people/${s.ownPerson}/edit`, [...MANAGERS, "liaison"]],
        // Organizations and networks are the federation's shared registry: read by every program, changed by theirs.
        [`/organizations/${s.otherOrganization}`, [...PERSONAL_READERS, "otherCoordinator"]],
        [`/organizations/${s.otherOrganization}/edit`, MANAGERS],
        [`/networks/${s.otherNetwork}`, [...PERSONAL_READERS, "otherCoordinator"]],
        [`/networks/${s.otherNetwork}/edit`, MANAGERS],
        [`/imports/${state.importId}`, MANAGERS],
        [`/duplicates`, [...MANAGERS, "otherCoordinator"]],
        [`/admin/users`, ["admin"]],
        [`/admin/users/${users.coordinator.id}`, ["admin"]],
        [`/admin/audit`, ["admin"]],
        [`/account`, SIGNED_IN],
      ] as Array<[string, RoleName[]]>
    ).map(([url, allowed]): Entry => ({ name: `page ${url}`, allowed, run: (context) => page(context, url) })),

    // Route handlers.
    { name: "GET summary", allowed: GENERATION_READERS, run: (c) => api(c, "GET", `/api/v1/generations/${s.generation}/summary`) },
    { name: "GET report PDF", allowed: GENERATION_READERS, run: (c) => api(c, "GET", `/generations/${s.generation}/dashboard/report`) },
    {
      name: "GET people export",
      allowed: [...PERSONAL_READERS, "liaison"],
      run: (c) => api(c, "GET", `/api/v1/exports/people?generationId=${s.generation}`),
    },
    {
      name: "GET attendance export",
      allowed: [...PERSONAL_READERS, "liaison"],
      run: (c) => api(c, "GET", `/api/v1/exports/attendance?generationId=${s.generation}`),
    },
    { name: "GET import", allowed: MANAGERS, run: (c) => api(c, "GET", `/api/v1/imports/${state.importId}`) },
    { name: "GET import progress", allowed: MANAGERS, run: (c) => api(c, "GET", `/api/v1/imports/${state.importId}/progress`) },
    {
      name: "GET duplicates",
      allowed: [...MANAGERS],
      run: (c) => api(c, "GET", `/api/v1/duplicates?generationId=${s.generation}`),
    },
    { name: "GET audit events", allowed: ["admin"], run: (c) => api(c, "GET", `/api/v1/audit-events`) },
    { name: "GET me", allowed: SIGNED_IN, run: (c) => api(c, "GET", `/api/v1/me`) },
    {
      name: "POST upload import",
      allowed: [...MANAGERS, "liaison"],
      run: (c) => {
        const form = new FormData();
        form.append("file", file(`matriz-${c.role}.csv`, `Nombre,Apellido,Correo\nRol,${c.role},${c.role}-${s.tag}@example.test\n`));
        return api(c, "POST", `/api/v1/generations/${s.generation}/imports`, { multipart: form });
      },
    },
    {
      name: "POST merge high",
      allowed: MANAGERS,
      run: (c) => api(c, "POST", `/api/v1/duplicates/merge-high?generationId=${s.generation}`),
    },
    {
      name: "POST commit import",
      allowed: MANAGERS,
      run: (c) => api(c, "POST", `/api/v1/imports/${state.importId}/commit`, { json: { decisions: "suggested" } }),
    },

    // Server actions, as raw posts.
    ...(
      [
        // Linking a new person to a shared organization is open to every program; nobody is enrolled by it.
        [
          people,
          "createPersonAction",
          [...MANAGERS, "otherCoordinator"],
          async () => ({ ...personFields, givenNames: `Nueva ${Math.random()}`, organizationId: s.otherOrganization }),
        ],
        [people, "updatePersonAction", MANAGERS, async () => ({ ...personFields, personId: s.otherPerson })],
        [people, "setPersonActiveAction", MANAGERS, async () => ({ personId: s.otherPerson, active: "true" })],
        [
          people,
          "setEnrollmentStatusAction",
          MANAGERS,
          async () => ({ enrollmentId: s.otherEnrollment, personId: s.otherPerson, status: "ACTIVE" }),
        ],
        [
          people,
          "addAffiliationAction",
          MANAGERS,
          async () => ({ personId: s.otherPerson, organizationId: s.otherOrganization, title: "Vocal" }),
        ],
        [
          organizations,
          "createOrganizationAction",
          MANAGERS,
          async () => ({ name: `Nueva ${Math.random()} ${s.tag}`, type: "COLLECTIVE", state: "CHH", networkId: s.otherNetwork }),
        ],
        [
          organizations,
          "updateOrganizationAction",
          MANAGERS,
          async () => ({
            organizationId: s.otherOrganization,
            name: `Colectivo ${s.otherOrganization}`,
            type: "CIVIL_SOCIETY",
            state: "CHH",
          }),
        ],
        [organizations, "setOrganizationActiveAction", MANAGERS, async () => ({ organizationId: s.otherOrganization, active: "true" })],
        [
          organizations,
          "enrollPeopleAction",
          MANAGERS,
          async () => ({ organizationId: s.otherOrganization, target: `${s.generation}|${s.otherNetwork}`, personIds: [s.otherPerson] }),
        ],
        [
          "app/(app)/networks/actions.ts",
          "saveNetworkAction",
          MANAGERS,
          async () => ({ networkId: s.otherNetwork, name: `Red ${s.otherNetwork}`, states: ["CHH"] }),
        ],
        ["app/(app)/networks/actions.ts", "setNetworkActiveAction", MANAGERS, async () => ({ networkId: s.otherNetwork, active: "true" })],
        [
          "app/(app)/generations/actions.ts",
          "saveGenerationAction",
          MANAGERS,
          async () => ({
            programId: s.program,
            generationId: s.generation,
            number: "1",
            name: `Generación matriz ${s.tag}`,
            status: "ACTIVE",
            networkIds: [s.ownNetwork, s.otherNetwork],
          }),
        ],
        [
          "app/(app)/generations/actions.ts",
          "deactivateGenerationAction",
          MANAGERS,
          async () => {
            // Each cell gets a generation of its own to deactivate.
            const id = `${s.tag}-gen-${Math.random().toString(36).slice(2, 8)}`;
            await database.query(
              `INSERT INTO generations (id, "programId", number, name, "updatedAt") VALUES ($1, $2, 2 + floor(random() * 900)::int, $1, now())`,
              [id, s.program],
            );
            return { generationId: id };
          },
        ],
        [
          "app/(app)/programs/actions.ts",
          "saveProgramAction",
          ["admin"],
          async () => ({ programId: s.program, name: `Programa matriz ${s.tag}` }),
        ],
        [
          "app/(app)/programs/actions.ts",
          "addPartnerAction",
          ["admin"],
          async () => ({ programId: s.program, organizationId: s.otherOrganization, role: "CONVENER" }),
        ],
        [
          "app/(app)/programs/actions.ts",
          "removePartnerAction",
          ["admin"],
          async () => ({ programId: s.program, organizationId: s.otherOrganization, role: "CONVENER" }),
        ],
        [
          "app/(app)/workshops/actions.ts",
          "saveWorkshopAction",
          MANAGERS,
          async () => ({ generationId: s.generation, workshopId: s.workshop, title: "Taller matriz", topic: "KICKOFF", order: "1" }),
        ],
        ["app/(app)/workshops/actions.ts", "switchToVirtualAction", MANAGERS, async () => ({ generationId: s.generation })],
        [
          "app/(app)/generations/[generationId]/register/actions.ts",
          "registerParticipantAction",
          MANAGERS,
          async () => ({
            generationId: s.generation,
            networkId: s.otherNetwork,
            organizationId: s.otherOrganization,
            p_givenNames: `Registrada ${Math.random().toString(36).slice(2, 8)}`,
            p_firstSurname: "Matriz",
            personChoice: "new",
          }),
        ],
        [
          "app/(app)/imports/actions.ts",
          "uploadImportAction",
          [...MANAGERS, "liaison"],
          async () => ({
            generationId: s.generation,
            file: file(`accion-${Math.random()}.csv`, `Nombre,Apellido\nUna,Persona${Math.random()}\n`),
          }),
        ],
        [
          "app/(app)/imports/actions.ts",
          "saveMappingAction",
          MANAGERS,
          async () => ({ importId: state.importId, "column-0": "givenNames" }),
        ],
        [
          "app/(app)/imports/actions.ts",
          "commitImportAction",
          MANAGERS,
          async () => ({ importId: state.importId, acceptSuggestions: "1" }),
        ],
        [sessions, "markAllPresentAction", MANAGERS, async () => ({ sessionId: s.session })],
        [sessions, "openCheckInAction", MANAGERS, async () => ({ sessionId: s.session })],
        [sessions, "setSessionStatusAction", MANAGERS, async () => ({ sessionId: s.session, status: "HELD" })],
        [
          sessions,
          "importReportAction",
          MANAGERS,
          async () => ({
            sessionId: s.session,
            report: file("zoom.csv", "Nombre (nombre original),Correo electrónico,Duración (minutos)\nAlguien,alguien@example.test,60\n"),
          }),
        ],
        [sessions, "assignUnmatchedAction", MANAGERS, async () => ({ sessionId: s.session, personId: s.otherPerson, row: "0" })],
        [
          sessions,
          "saveSessionAction",
          MANAGERS,
          async () => ({ sessionId: s.session, startsAt: "2026-01-15T10:00", durationMinutes: "60", modality: "VIRTUAL" }),
        ],
        [
          sessions,
          "walkInAction",
          MANAGERS,
          async () => ({
            sessionId: s.session,
            networkId: s.otherNetwork,
            organizationId: s.otherOrganization,
            personChoice: `existing:${s.otherPerson}`,
          }),
        ],
        [
          duplicates,
          "dismissDuplicateAction",
          MANAGERS,
          async () => {
            const [firstId, secondId] = await freshPersonPair();
            return { firstId, secondId, kind: "PERSON" };
          },
        ],
        [
          duplicates,
          "mergePeopleAction",
          MANAGERS,
          async () => {
            const [firstId, secondId] = await freshPersonPair();
            return { firstId, secondId, keep: "first", "field-phone": "second" };
          },
        ],
        [
          duplicates,
          "mergeOrganizationsAction",
          MANAGERS,
          async () => {
            const [firstId, secondId] = await freshOrganizationPair();
            return { firstId, secondId, keep: "second" };
          },
        ],
        [duplicates, "undoMergeAction", MANAGERS, async () => ({ mergeId: await latest(database, "record_merges", s) })],
        [duplicates, "mergeHighAction", MANAGERS, async () => ({ kind: "people", generationId: s.generation })],
        [duplicates, "undoBatchAction", MANAGERS, async () => ({ batchId: await latest(database, "merge_batches", s) })],
        [
          "app/(app)/account/actions.ts",
          "changePasswordAction",
          SIGNED_IN,
          async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }),
        ],
        ["app/(app)/account/actions.ts", "createApiTokenAction", SIGNED_IN, async () => ({ name: "matriz" })],
        // A token is its owner's only: even an admin cannot revoke someone else's.
        ["app/(app)/account/actions.ts", "revokeApiTokenAction", ["coordinator"], async () => ({ tokenId: state.token })],
        [
          users_,
          "createUserAction",
          ["admin"],
          async () => ({ name: "Nueva Usuaria", email: `nueva-${Math.random().toString(36).slice(2)}@example.test`, locale: "es-MX" }),
        ],
        [users_, "assignGrantAction", ["admin"], async () => ({ userId: users.funder.id, role: "FUNDER", programId: s.program })],
        [
          users_,
          "revokeGrantAction",
          ["admin"],
          async () => {
            const grantId = `${users.funder.id}_extra_${Math.random().toString(36).slice(2, 8)}`;
            await database.query(
              `INSERT INTO grants (id, "userId", role, "programId") VALUES ($1, $2, 'FUNDER', 'demo-program-fortalecimiento')`,
              [grantId, users.funder.id],
            );
            return { userId: users.funder.id, grantId };
          },
        ],
        [users_, "reactivateUserAction", ["admin"], async () => ({ userId: users.funder.id })],
        [users_, "createInvitationAction", ["admin"], async () => ({ userId: users.funder.id })],
        [users_, "deactivateUserAction", ["admin"], async () => ({ userId: users.deactivated.id })],
      ] as Array<[string, string, RoleName[], () => Promise<Record<string, string | string[] | File>>]>
    ).map(([file_, name, allowed, fields]): Entry => ({
      name: `action ${name}`,
      allowed,
      run: async (c) => action(c, pathFor(file_, s), [file_, name], await fields()),
    })),
    {
      name: "action saveAttendanceMark",
      allowed: MANAGERS,
      run: (c) =>
        action(c, `/sessions/${s.session}`, [sessions, "saveAttendanceMark"], {
          direct: { sessionId: s.session, personId: s.otherPerson, status: "PRESENT", minutes: null, note: null, expectedVersion: 0 },
        }),
    },
  ];
}

/** The page an action's form lives on (any page of the app would do: actions are found by id). */
function pathFor(file: string, s: Sandbox) {
  if (file.includes("people")) return `/people/${s.otherPerson}`;
  if (file.includes("organizations")) return `/organizations/${s.otherOrganization}`;
  if (file.includes("sessions")) return `/sessions/${s.session}`;
  if (file.includes("generations")) return `/generations/${s.generation}`;
  if (file.includes("programs")) return `/programs/${s.program}`;
  return "/account";
}

async function latest(database: import("pg").Client, table: "record_merges" | "merge_batches", s: Sandbox) {
  const { rows } = await database.query<{ id: string }>(
    table === "record_merges"
      ? `SELECT id FROM record_merges WHERE "survivorId" IN (SELECT "personId" FROM enrollments WHERE "generationId" = $1) AND "undoneAt" IS NULL ORDER BY "createdAt" DESC LIMIT 1`
      : `SELECT b.id FROM merge_batches b JOIN record_merges m ON m."batchId" = b.id
         WHERE m."survivorId" IN (SELECT "personId" FROM enrollments WHERE "generationId" = $1) ORDER BY b."createdAt" DESC LIMIT 1`,
    [s.generation],
  );
  return rows[0]?.id ?? "none";
}

test("every role × entry point: allowed roles get through, others get an authorization answer", async ({
  browser,
  createUser,
  database,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const sandbox = await createSandbox(database);
  const browserContexts: import("@playwright/test").BrowserContext[] = [];
  const anonymous = await playwrightRequest.newContext({ baseURL });
  try {
    const users = await createUsers(createUser, database, sandbox);
    const contexts = new Map<RoleName, APIRequestContext>();
    contexts.set("anonymous", anonymous);
    for (const role of ROLES.filter((name): name is Exclude<RoleName, "anonymous"> => name !== "anonymous")) {
      const browserContext = await browser.newContext({ baseURL, locale: "es-MX" });
      browserContexts.push(browserContext);
      const signInPage = await browserContext.newPage();
      await signIn(signInPage, users[role].email, users[role].password);
      await expect(signInPage.getByRole("heading", { level: 1 })).toContainText("Hola");
      await signInPage.close();
      contexts.set(role, browserContext.request);
    }
    // Deactivated after signing in: the session cookie they hold must stop working everywhere.
    await database.query(`UPDATE users SET "deactivatedAt" = now() WHERE id = $1`, [users.deactivated.id]);

    // What some rows act on: an import draft a coordinator uploaded (rows of the other network) and a token.
    const upload = new FormData();
    upload.append(
      "file",
      new File([`Nombre,Apellido,Correo,Red\nOtra,Red,otra-${sandbox.tag}@example.test,Red ${sandbox.otherNetwork}\n`], "borrador.csv"),
    );
    const uploaded = await contexts.get("coordinator")!.post(`/api/v1/generations/${sandbox.generation}/imports`, {
      multipart: upload,
      headers: { Origin: baseURL! },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const importId = ((await uploaded.json()) as { id: string }).id;
    const token = `${users.coordinator.id}_token`;
    await database.query(`INSERT INTO api_tokens (id, "userId", name, "tokenHash") VALUES ($1, $2, 'matriz', $3)`, [
      token,
      users.coordinator.id,
      `hash-${token}`,
    ]);

    const rows = entries(sandbox, users, database, { importId, token });
    // Every server action the build has is in the matrix (the public ones are tested on their own pages).
    const covered = rows.filter((row) => row.name.startsWith("action ")).map((row) => row.name.slice(7));
    const publicActions = ["loginAction", "checkInAction", "acceptInvitationAction", "setLocaleAction", "signOutAction"];
    const missing = allActions().filter((entry) => {
      const name = entry.split("#")[1]!;
      // "use cache" sections of the dashboard are listed as server references too. They are not actions: they render
      // only the numbers they are given (already authorized by the page), reading no record.
      if (name.startsWith("$$RSC_SERVER_CACHE_")) return false;
      return !covered.includes(name) && !publicActions.includes(name);
    });
    expect(missing, "server actions without a matrix row").toEqual([]);

    const failures: string[] = [];
    let evaluated = 0;
    for (const row of rows) {
      // Refused roles go first, so an allowed role's write cannot hide a refusal.
      for (const role of ROLES) {
        const context = contexts.get(role)!;
        const verdict = await row.run({ request: context, role, baseURL: baseURL! });
        evaluated++;
        const expected = row.allowed.includes(role) ? "allowed" : "denied";
        if (verdict !== expected) failures.push(`${row.name} × ${role}: expected ${expected}, got ${verdict}`);
      }
    }
    expect(failures).toEqual([]);
    expect(evaluated).toBe(rows.length * ROLES.length);
    // 29 pages, 12 route handlers, 45 server actions: a new one must be added to the matrix (above) and here.
    expect(rows.length).toBe(86);
    expect(evaluated).toBe(688);
    console.log(`authorization matrix: ${evaluated} cells (${rows.length} entry points × ${ROLES.length} roles)`);
  } finally {
    for (const context of browserContexts) await context.close();
    await anonymous.dispose();
    await dropSandbox(database, sandbox);
  }
});
