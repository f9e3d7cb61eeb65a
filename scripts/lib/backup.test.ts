import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createGunzip, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db";
import { mergePeople } from "@/lib/dedupe/merge-people";
import {
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { restoreBackup, tableChecksums, writeBackup } from "./backup";

// The backup drill: back up a database with real data, restore it into a fresh one migrated the same way,
// and find the same rows (counts and per-table checksums), the same migrations, and the data the app derives.

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tejido-backup-"));
const file = path.join(directory, "drill.backup.gz");
const server = new URL(inject("databaseServerUrl"));
const freshDatabases: string[] = [];

async function freshDatabase() {
  const name = `restore_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  // The migrated template: a database "migrated to the same migrations, with no data".
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "tejido_template"`);
  await admin.end();
  freshDatabases.push(name);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const derived = (url: string) =>
  withClient(url, async (client) => ({
    blocks: (await client.query(`SELECT count(*)::int AS n FROM person_match_blocks`)).rows[0].n as number,
    pairs: (await client.query(`SELECT md5(string_agg(block || a || b, ',' ORDER BY block, a, b)) AS m FROM person_match_pairs`)).rows[0].m,
    migrations: (await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`)).rows,
    facts: (
      await client.query(
        `SELECT md5(string_agg(concat_ws('|', "generationId", "personId", nets::text, expected, attended, "tookPart", completed), ',' ORDER BY "generationId", "personId")) AS m FROM participation_people`,
      )
    ).rows[0].m,
  }));
// The data version only moves forward: a restore continues from the backup's, past the facts it rebuilt.
const dataVersion = (url: string) =>
  withClient(url, async (client) => Number((await client.query(`SELECT last_value FROM totals_data_version`)).rows[0].last_value));

beforeAll(async () => {
  const network = await createNetwork("Red Comunitaria Sonora");
  const organization = await createOrganization({ networkIds: [network.id], name: "Fundación Nuñez y Peña, A.C." });
  const generation = await createGeneration({ networkIds: [network.id] });
  const people = await Promise.all(
    ["Ñandú", "José María", "Lupita"].map((givenNames, index) =>
      createPerson({
        givenNames,
        firstSurname: "Peña",
        email: `p${index}@ejemplo.mx`,
        organizationId: organization.id,
        phone: "662 111 2233",
      }),
    ),
  );
  for (const person of people) await enroll(person.id, generation.id, network.id, organization.id);
  const session = await createSession(generation.id, { status: "HELD" });
  await db.attendance.create({
    data: { sessionId: session.id, personId: people[0]!.id, status: "PRESENT", minutes: 90, note: 'Llegó a tiempo; "comillas" y \\ barra' },
  });
  // A merge leaves a JSON snapshot behind: it must survive too.
  const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
  await mergePeople({ actor: admin, survivorId: people[1]!.id, mergedId: people[2]!.id, choices: {} });
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  for (const name of freshDatabases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a fresh database the same rows, checksums, migrations and derived data", async () => {
    const source = process.env.DATABASE_URL!;
    const counts = await writeBackup(source, file);
    expect(counts.people).toBe(await db.person.count());
    expect(counts.record_merges).toBe(1);

    const target = await freshDatabase();
    await restoreBackup(target, file);
    const [before, after] = await Promise.all([withClient(source, tableChecksums), withClient(target, tableChecksums)]);
    expect(Object.keys(after).length).toBeGreaterThan(25);
    expect(after).toEqual(before);
    // Generated match keys and the matcher's blocks and pairs are computed again, the same.
    expect(await derived(target)).toEqual(await derived(source));
    expect(await dataVersion(target)).toBeGreaterThanOrEqual(await dataVersion(source));
  });

  it("refuses a database that holds data unless told to replace it, and a tampered backup, changing nothing", async () => {
    const target = await freshDatabase();
    await restoreBackup(target, file);
    const restored = await withClient(target, tableChecksums);
    await expect(restoreBackup(target, file)).rejects.toThrow(/already holds data/);
    expect(await withClient(target, tableChecksums)).toEqual(restored);
    await restoreBackup(target, file, { replace: true });
    expect(await withClient(target, tableChecksums)).toEqual(restored);

    // One name changed inside the file: its checksum no longer matches, and the restore rolls back whole.
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      fs.createReadStream(file)
        .pipe(createGunzip())
        .on("data", (chunk: Buffer) => chunks.push(chunk))
        .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
        .on("error", reject);
    });
    const tampered = path.join(directory, "tampered.backup.gz");
    fs.writeFileSync(tampered, gzipSync(text.replace('"givenNames":"Ñandú"', '"givenNames":"Cambiado"')));
    const empty = await freshDatabase();
    await expect(restoreBackup(empty, tampered)).rejects.toThrow(/differ from the backup: people/);
    expect((await withClient(empty, tableChecksums)).people).toEqual({ rows: 0, checksum: "" });
  });
});
