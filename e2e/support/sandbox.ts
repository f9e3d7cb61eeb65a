import { randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * A program of its own for the authorization matrix, so that nothing it changes moves another spec's
 * numbers: one generation with two networks (the liaison's "own" and an "other" one), an organization
 * and a person in each, a workshop with a held session. Ids are returned for the matrix's URLs and posts.
 */
export async function createSandbox(database: pg.Client) {
  const tag = `mx${randomBytes(4).toString("hex")}`;
  const id = (name: string) => `${tag}-${name}`;
  const ids = {
    tag,
    program: id("program"),
    generation: id("generation"),
    ownNetwork: id("net-own"),
    otherNetwork: id("net-other"),
    ownOrganization: id("org-own"),
    otherOrganization: id("org-other"),
    ownPerson: id("person-own"),
    otherPerson: id("person-other"),
    otherEnrollment: id("enr-other"),
    workshop: id("workshop"),
    session: id("session"),
  };
  const q = (sql: string, values: unknown[] = []) => database.query(sql, values);
  await q(`INSERT INTO programs (id, name, "updatedAt") VALUES ($1, $2, now())`, [ids.program, `Programa matriz ${tag}`]);
  await q(`INSERT INTO generations (id, "programId", number, name, status, "updatedAt") VALUES ($1, $2, 1, $3, 'ACTIVE', now())`, [
    ids.generation,
    ids.program,
    `Generación matriz ${tag}`,
  ]);
  for (const [network, state] of [
    [ids.ownNetwork, "SON"],
    [ids.otherNetwork, "CHH"],
  ] as const) {
    await q(`INSERT INTO networks (id, name, states, "updatedAt") VALUES ($1, $2, ARRAY[$3]::"MexicanState"[], now())`, [
      network,
      `Red ${network}`,
      state,
    ]);
    await q(`INSERT INTO generation_networks ("generationId", "networkId") VALUES ($1, $2)`, [ids.generation, network]);
  }
  await createOrganization(database, { id: ids.ownOrganization, networkId: ids.ownNetwork, state: "SON" });
  await createOrganization(database, { id: ids.otherOrganization, networkId: ids.otherNetwork, state: "CHH" });
  await createPerson(database, {
    id: ids.ownPerson,
    organizationId: ids.ownOrganization,
    networkId: ids.ownNetwork,
    generationId: ids.generation,
  });
  await createPerson(database, {
    id: ids.otherPerson,
    organizationId: ids.otherOrganization,
    networkId: ids.otherNetwork,
    generationId: ids.generation,
    enrollmentId: ids.otherEnrollment,
  });
  await q(
    `INSERT INTO workshops (id, "generationId", title, topic, "order", "updatedAt") VALUES ($1, $2, 'Taller matriz', 'KICKOFF', 1, now())`,
    [ids.workshop, ids.generation],
  );
  await q(
    `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", modality, status, "updatedAt")
     VALUES ($1, $2, now() - interval '2 hours', now() - interval '1 hour', 'VIRTUAL', 'HELD', now())`,
    [ids.session, ids.workshop],
  );
  return ids;
}
export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

export async function createOrganization(database: pg.Client, options: { id?: string; networkId: string; state: string; name?: string }) {
  const id = options.id ?? `mxo-${randomBytes(6).toString("hex")}`;
  await database.query(`INSERT INTO organizations (id, name, type, state, "updatedAt") VALUES ($1, $2, 'CIVIL_SOCIETY', $3, now())`, [
    id,
    options.name ?? `Colectivo ${id}`,
    options.state,
  ]);
  await database.query(`INSERT INTO network_memberships ("networkId", "organizationId") VALUES ($1, $2)`, [options.networkId, id]);
  return id;
}

/** A person affiliated with the organization and enrolled in the generation through the network. */
export async function createPerson(
  database: pg.Client,
  options: { id?: string; organizationId: string; networkId: string; generationId: string; enrollmentId?: string; name?: [string, string] },
) {
  const id = options.id ?? `mxp-${randomBytes(6).toString("hex")}`;
  const [given, surname] = options.name ?? [`Persona ${id.slice(-6)}`, "Matriz"];
  await database.query(
    `INSERT INTO people (id, "givenNames", "firstSurname", email, phone, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [id, given, surname, `${id}@example.test`, "6621234567"],
  );
  await database.query(`INSERT INTO affiliations (id, "personId", "organizationId") VALUES ($1, $2, $3)`, [
    `${id}-aff`,
    id,
    options.organizationId,
  ]);
  await database.query(
    `INSERT INTO enrollments (id, "personId", "generationId", "networkId", "organizationId", status, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'ACTIVE', now())`,
    [options.enrollmentId ?? `${id}-enr`, id, options.generationId, options.networkId, options.organizationId],
  );
  return id;
}

/**
 * Removes what the sandbox and the matrix's writes left: its program, generations, records and their history.
 * `matrix`: also the records the matrix's own writes created (ids "mxp-…", "mxo-…"); another spec leaves them, so
 * that it never removes the records of a matrix running at the same time.
 */
export async function dropSandbox(database: pg.Client, sandbox: Sandbox, { matrix = true } = {}) {
  const q = (sql: string) => database.query(sql, [sandbox.program]);
  const generations = `SELECT id FROM generations WHERE "programId" = $1`;
  const people = `SELECT "personId" FROM enrollments WHERE "generationId" IN (${generations})`;
  const organizations = `SELECT "organizationId" FROM enrollments WHERE "generationId" IN (${generations})`;
  const networks = `SELECT "networkId" FROM generation_networks WHERE "generationId" IN (${generations})`;
  await q(
    `CREATE TEMP TABLE mx_people AS SELECT id FROM people WHERE id IN (${people}) OR id LIKE '${sandbox.tag}%'${matrix ? ` OR id LIKE 'mxp-%'` : ""}`,
  );
  await q(
    `CREATE TEMP TABLE mx_orgs AS SELECT id FROM organizations WHERE id IN (${organizations}) OR id LIKE '${sandbox.tag}%'${matrix ? ` OR id LIKE 'mxo-%'` : ""} OR name LIKE '%${sandbox.tag}%'`,
  );
  await q(`CREATE TEMP TABLE mx_networks AS SELECT id FROM networks WHERE id IN (${networks}) OR id LIKE '${sandbox.tag}%'`);
  await database.query(`DELETE FROM record_merges WHERE "survivorId" IN (SELECT id FROM mx_people UNION SELECT id FROM mx_orgs)`);
  await database.query(`DELETE FROM attendance WHERE "personId" IN (SELECT id FROM mx_people)`);
  await q(`DELETE FROM enrollments WHERE "generationId" IN (${generations})`);
  await database.query(`DELETE FROM enrollments WHERE "personId" IN (SELECT id FROM mx_people)`);
  await q(`DELETE FROM participant_imports WHERE "generationId" IN (${generations})`);
  await q(`DELETE FROM generations WHERE "programId" = $1`);
  await database.query(`DELETE FROM people WHERE id IN (SELECT id FROM mx_people)`);
  await database.query(`DELETE FROM program_partners WHERE "organizationId" IN (SELECT id FROM mx_orgs)`);
  await database.query(`DELETE FROM enrollments WHERE "organizationId" IN (SELECT id FROM mx_orgs)`);
  await database.query(`DELETE FROM organizations WHERE id IN (SELECT id FROM mx_orgs)`);
  await database.query(`DELETE FROM grants WHERE "networkId" IN (SELECT id FROM mx_networks)`);
  await database.query(`DELETE FROM networks WHERE id IN (SELECT id FROM mx_networks)`);
  await q(`DELETE FROM grants WHERE "programId" = $1`);
  await q(`DELETE FROM import_presets WHERE "programId" = $1`);
  await q(`DELETE FROM programs WHERE id = $1`);
  await database.query(`DROP TABLE mx_people, mx_orgs, mx_networks`);
}
