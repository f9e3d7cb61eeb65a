import { SURNAMES as DEMO_SURNAMES } from "@/lib/demo/demo-registry";
import pg from "pg";

export const NATIONAL = {
  programId: "nat-program",
  generationId: "nat-generation",
  networks: 200,
  organizations: 30_000,
  people: 100_000,
  sessions: 5_000,
  attendancePerSession: 400,
} as const;

/**
 * A national program written straight in SQL (generate_series), so building
 * 2,000,000 attendance rows takes seconds, not the hours of row-by-row inserts:
 *   200 networks × 150 organizations; 100,000 people, 500 per network;
 *   2,000 people also enrolled through a second network, 1,000 withdrawn;
 *   25 weekly workshops × 200 networks = 5,000 sessions (10 weeks in person, then virtual; 50 cancelled);
 *   up to 400 attendance marks per session (70 % present, 10 % late, 10 % absent, 10 % excused), by addNationalMarks;
 *   1,000 people registered a second time, written differently: surnames swapped (same phone), no second surname
 *   (the email in capitals), a misspelt surname (same phone), "Ma." for María, capitals without accents.
 *   They are what the duplicates page must find among 101,000 people.
 */
export const GIVEN_NAMES = [
  "María Elena",
  "José Luis",
  "Ana",
  "Juan Carlos",
  "María Guadalupe",
  "Luis",
  "Rosa",
  "Francisco",
  "Patricia",
  "Jorge",
  "Laura",
  "Miguel Ángel",
  "Verónica",
  "Alejandro",
  "Gabriela",
  "Ricardo",
  "Claudia",
  "Fernando",
  "Adriana",
  "Roberto",
  "Leticia",
  "Eduardo",
  "Silvia",
  "Sergio",
  "Martha",
  "Javier",
  "Alejandra",
  "Arturo",
  "Lorena",
  "Raúl",
  "Norma",
  "Manuel",
  "Elizabeth",
  "Héctor",
  "Araceli",
  "Óscar",
  "Yolanda",
  "Daniel",
  "Mónica",
  "Rafael",
  "Sofía",
  "Andrés",
  "Teresa",
  "Ramón",
  "Irma",
  "Jesús",
  "Beatriz",
  "Enrique",
  "Carmen",
  "Víctor",
];
// The demo's 40 surnames and 10 more: 50 first surnames.
export const SURNAMES = [
  ...DEMO_SURNAMES,
  ...["Muñoz", "Rojas", "Contreras", "Salazar", "Luna", "Ortega", "Santiago", "Guerrero", "Estrada", "Bautista"],
];
// Second surnames from another list, so that no two seeded people are the same name with surnames swapped.
const SECOND_SURNAMES = [
  "Soto",
  "Núñez",
  "Ríos",
  "Peña",
  "Campos",
  "Acosta",
  "Cervantes",
  "Fuentes",
  "Sandoval",
  "Carrillo",
  "Ibarra",
  "Cabrera",
  "Valdez",
  "Navarro",
  "Lara",
  "Espinoza",
  "Delgado",
  "Miranda",
  "Ayala",
  "Trejo",
  "Rosales",
  "Pacheco",
  "Zamora",
  "Maldonado",
  "Villanueva",
  "Rangel",
  "Olvera",
  "Beltrán",
  "Galván",
  "Salinas",
  "Barrera",
  "Escobar",
  "Montes",
  "Camacho",
  "Velasco",
  "Arellano",
  "Quintero",
  "Padilla",
  "Robles",
  "Osorio",
  "Lozano",
  "Mejía",
  "Zúñiga",
  "Solís",
  "Tapia",
  "Benítez",
  "Cano",
  "Gallegos",
  "Ochoa",
  "Serrano",
];
const sqlArray = (values: string[]) => `(ARRAY[${values.map((value) => `'${value}'`).join(", ")}])`;

/**
 * Attendance marks j in [from, to) of every session (person (s mod N) + N·j), written with the participation
 * facts deferred, then the generation's facts rebuilt in one pass (rebuild_participation, migration
 * participation_facts): the benchmark grows the program to 0.5M, 1M and 2M marks this way.
 */
export async function addNationalMarks(databaseUrl: string, from: number, to: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { networks: N, sessions: S } = NATIONAL;
  try {
    await client.query("SET tejido.defer_participation = 'on'");
    await client.query(`INSERT INTO attendance (id, "sessionId", "personId", status, source, "updatedAt")
       SELECT 'nat-a' || s || '-' || j, 'nat-s' || s, 'nat-p' || ((s % ${N}) + ${N} * j),
              (ARRAY['PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','LATE','ABSENT','EXCUSED'])[1 + (j + s / ${N}) % 10]::"AttendanceStatus",
              'MANUAL', now()
       FROM generate_series(0, ${S - 1}) s CROSS JOIN generate_series(${from}, ${to - 1}) j`);
    await client.query("SET tejido.defer_participation = 'off'");
    await client.query("VACUUM ANALYZE attendance");
    const started = performance.now();
    await client.query(`SELECT rebuild_participation('${NATIONAL.generationId}')`);
    const rebuildMs = performance.now() - started;
    await client.query("VACUUM ANALYZE participation_people, participation_links, participation_sessions");
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM attendance WHERE id LIKE 'nat-a%'`);
    return { marks: Number(rows[0]!.n), rebuildMs };
  } finally {
    await client.end();
  }
}

/** The program without its marks (addNationalMarks writes them): its registry, enrollments and sessions. */
export async function seedNationalProgram(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { networks: N, organizations: O, people: P, sessions: S } = NATIONAL;
  const orgsPerNetwork = O / N;
  const statements = [
    `INSERT INTO programs (id, name, "updatedAt") VALUES ('${NATIONAL.programId}', 'Programa nacional', now())`,
    `INSERT INTO generations (id, "programId", number, name, status, "updatedAt")
       VALUES ('${NATIONAL.generationId}', '${NATIONAL.programId}', 1, 'Generación nacional', 'ACTIVE', now())`,
    `INSERT INTO networks (id, name, states, "updatedAt")
       SELECT 'nat-n' || n, 'Red ' || lpad(n::text, 3, '0'), ARRAY[(enum_range(NULL::"MexicanState"))[1 + n % 32]], now()
       FROM generate_series(0, ${N - 1}) n`,
    `INSERT INTO generation_networks ("generationId", "networkId") SELECT '${NATIONAL.generationId}', 'nat-n' || n FROM generate_series(0, ${N - 1}) n`,
    `INSERT INTO organizations (id, name, type, state, "updatedAt")
       SELECT 'nat-o' || o, 'Organización ' || o,
              (enum_range(NULL::"OrganizationType"))[1 + o % 6], (enum_range(NULL::"MexicanState"))[1 + (o % ${N}) % 32], now()
       FROM generate_series(0, ${O - 1}) o`,
    `INSERT INTO network_memberships ("networkId", "organizationId") SELECT 'nat-n' || (o % ${N}), 'nat-o' || o FROM generate_series(0, ${O - 1}) o`,
    // Realistic, distinct names (50 given names × 50 × 50 surnames), so name similarity behaves as in real registries.
    `INSERT INTO people (id, "givenNames", "firstSurname", "secondSurname", email, phone, gender, "ageRange", "updatedAt")
       SELECT 'nat-p' || i, g, f, s, 'p' || i || '@national.test', '+52 ' || (6620000000 + i)::text,
              (enum_range(NULL::"Gender"))[1 + i % 5], (enum_range(NULL::"AgeRange"))[1 + i % 5], now()
       FROM generate_series(0, ${P - 1}) i,
            -- j runs over the 125,000 name combinations in a scattered order (distinct for the 100,000 people), so that a
            -- network's people (every 200th i) have varied given names and surnames, as in a real network.
            LATERAL (SELECT ((i::bigint * 7919 + (i / 200) * 9973) % 125000)::int AS j) AS scatter,
            LATERAL (SELECT ${sqlArray(GIVEN_NAMES)}[1 + j % 50] AS g, ${sqlArray(SURNAMES)}[1 + (j / 50) % 50] AS f,
                            ${sqlArray(SECOND_SURNAMES)}[1 + (j / 2500) % 50] AS s) AS name`,
    // 1,000 planted duplicates, as registries receive them (not enrolled, so the totals above do not move).
    `INSERT INTO people (id, "givenNames", "firstSurname", "secondSurname", email, phone, "updatedAt")
       SELECT 'nat-dup' || i,
              CASE WHEN i % 5 = 3 THEN regexp_replace(p."givenNames", '^María', 'Ma.') WHEN i % 5 = 4 THEN upper(tejido_unaccent(p."givenNames")) ELSE p."givenNames" END,
              CASE i % 5 WHEN 0 THEN p."secondSurname" WHEN 2 THEN left(p."firstSurname", -1) || 'z' WHEN 4 THEN upper(tejido_unaccent(p."firstSurname")) ELSE p."firstSurname" END,
              CASE i % 5 WHEN 0 THEN p."firstSurname" WHEN 1 THEN NULL WHEN 4 THEN upper(tejido_unaccent(p."secondSurname")) ELSE p."secondSurname" END,
              CASE WHEN i % 5 = 1 THEN 'P' || (i * 97) || '@NATIONAL.test' END, CASE WHEN i % 5 IN (0, 2) THEN p.phone END, now()
       FROM generate_series(0, 999) i JOIN people p ON p.id = 'nat-p' || (i * 97)`,
    // Person i belongs to network i % N through one of that network's organizations.
    `INSERT INTO enrollments (id, "personId", "generationId", "networkId", "organizationId", status, "updatedAt")
       SELECT 'nat-e' || i, 'nat-p' || i, '${NATIONAL.generationId}', 'nat-n' || (i % ${N}),
              'nat-o' || ((i % ${N}) + ${N} * ((i / ${N}) % ${orgsPerNetwork})),
              CASE WHEN i % 100 = 7 THEN 'WITHDRAWN' ELSE 'ACTIVE' END::"EnrollmentStatus", now()
       FROM generate_series(0, ${P - 1}) i`,
    `INSERT INTO enrollments (id, "personId", "generationId", "networkId", "organizationId", status, "updatedAt")
       SELECT 'nat-e2-' || i, 'nat-p' || i, '${NATIONAL.generationId}', 'nat-n' || ((i + 1) % ${N}),
              'nat-o' || (((i + 1) % ${N}) + ${N} * ((i / ${N}) % ${orgsPerNetwork})), 'ACTIVE', now()
       FROM generate_series(0, ${P - 1}) i WHERE (i / ${N}) % 50 = 0`,
    // The misspelt ones come with the organization of the person they repeat.
    `INSERT INTO affiliations (id, "personId", "organizationId")
       SELECT 'nat-dup-aff' || i, 'nat-dup' || i, e."organizationId" FROM generate_series(0, 999) i JOIN enrollments e ON e.id = 'nat-e' || (i * 97)
       WHERE i % 5 = 2`,
    `INSERT INTO workshops (id, "generationId", title, topic, "order", "updatedAt")
       SELECT 'nat-w' || w, '${NATIONAL.generationId}', 'Taller ' || (w + 1), 'OTHER', w + 1, now() FROM generate_series(0, 24) w`,
    `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", modality, status, "allNetworks", "updatedAt")
       SELECT 'nat-s' || s, 'nat-w' || (s / ${N}),
              timestamp '2024-01-08 16:00' + (s / ${N}) * interval '7 days' + (s % 3) * interval '1 day',
              timestamp '2024-01-08 18:00' + (s / ${N}) * interval '7 days' + (s % 3) * interval '1 day',
              CASE WHEN s / ${N} < 10 THEN 'IN_PERSON' ELSE 'VIRTUAL' END::"Modality",
              CASE WHEN s % 100 = 99 THEN 'CANCELLED' ELSE 'HELD' END::"SessionStatus", false, now()
       FROM generate_series(0, ${S - 1}) s`,
    `INSERT INTO session_networks ("sessionId", "networkId") SELECT 'nat-s' || s, 'nat-n' || (s % ${N}) FROM generate_series(0, ${S - 1}) s`,
    "VACUUM ANALYZE",
  ];
  try {
    // The facts are built once the program is whole (addNationalMarks), not statement by statement.
    await client.query("SET tejido.defer_participation = 'on'");
    for (const statement of statements) await client.query(statement);
    const { rows } = await client.query<{ people: string }>(`SELECT count(*) AS people FROM people WHERE id LIKE 'nat-p%'`);
    return { people: Number(rows[0]!.people) };
  } finally {
    await client.end();
  }
}

/**
 * Where a rebuild's time goes: the steps of rebuild_participation (migrations participation_facts and
 * participation_tallies) run one by one in a transaction that is rolled back, each timed.
 */
export async function profileNationalRebuild(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const g = NATIONAL.generationId;
  const steps: Array<[string, number]> = [];
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const started = performance.now();
    await client.query(sql, values);
    steps.push([label, performance.now() - started]);
  };
  try {
    const ids = (
      await client.query<{ id: string }>(`SELECT DISTINCT "personId" AS id FROM enrollments WHERE "generationId" = $1`, [g])
    ).rows.map((row) => row.id);
    await client.query("BEGIN");
    await client.query("SELECT lock_participation($1::text[]), participation_bulk(100000)", [[g]]);
    await step("sessions: rows and audiences", `DELETE FROM participation_sessions WHERE "generationId" = $1`, [g]);
    await step(
      "sessions: rows and audiences",
      `SELECT refresh_participation_session_rows(ARRAY(SELECT s.id FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w."generationId" = $1))`,
      [g],
    );
    await step("statistics (ANALYZE, three times)", "ANALYZE participation_sessions");
    await step("delete the generation's facts", `DELETE FROM participation_links WHERE "generationId" = $1`, [g]);
    await step("delete the generation's facts", `DELETE FROM participation_people WHERE "generationId" = $1`, [g]);
    await step("delete the generation's facts", `DELETE FROM participation_tallies WHERE "generationId" = $1`, [g]);
    await step("delete the generation's facts", `DELETE FROM participation_members WHERE "generationId" = $1`, [g]);
    await step("links: enrollments with their organization", "SELECT refresh_participation_rows($1, $2::text[])", [g, ids]);
    await step("statistics (ANALYZE, three times)", "ANALYZE participation_links");
    await step("people: one row each, networks in a GIN index", "SELECT refresh_participation_people_rows($1, $2::text[])", [g, ids]);
    await step("statistics (ANALYZE, three times)", "ANALYZE participation_people");
    await step("people: expected, attended (a pass over the marks)", "SELECT refresh_participation_people_counts($1, $2::text[])", [
      g,
      ids,
    ]);
    await step("links: expected, attended (a pass over the marks)", "SELECT refresh_participation_link_counts($1, $2::text[])", [g, ids]);
    await step("tallies and their distinct members", "SELECT participation_tally($1, $2::text[], 1)", [g, ids]);
    await step(
      "sessions: expected, attended (a pass over the marks)",
      `SELECT refresh_participation_session_counters(ARRAY(SELECT "sessionId" FROM participation_sessions WHERE "generationId" = $1))`,
      [g],
    );
    await client.query("ROLLBACK");
  } finally {
    await client.end();
  }
  const byLabel = new Map<string, number>();
  for (const [label, ms] of steps) byLabel.set(label, (byLabel.get(label) ?? 0) + ms);
  return [...byLabel];
}
