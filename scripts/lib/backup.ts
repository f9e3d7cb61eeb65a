/**
 * Tejido's own backup format, for any PostgreSQL the app runs on (the embedded 18, a managed 15…),
 * with no pg_dump of a matching version needed: Debian's pg_dump 15 refuses the embedded server 18.
 *
 * A backup is one gzip file of JSON lines:
 *   {"format":"tejido-backup","version":1,"createdAt":…,"migrations":[…]}           the schema it belongs to
 *   {"table":"people","columns":[…]}                                                  then its rows, one per line:
 *   {"r":{…}}
 *   {"end":"people","rows":123,"checksum":"…"}                                        a count and an md5 of the rows
 *   {"sequence":"totals_data_version","value":…}
 * Stored columns only: generated columns (match keys) and the tables triggers derive (the matcher's
 * blocks and pairs, the participation facts) are computed again on restore. Rows are read in primary-key order, in one
 * repeatable-read snapshot, so a backup of a running app is consistent.
 *
 * Restore loads a database migrated to the same migrations (or later ones: a backup of the previous
 * release), in one transaction (all or nothing), parents before children, and checks each table's
 * count and checksum (count only across a schema change) before committing.
 */
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";

export const BACKUP_FORMAT = "tejido-backup";
const BATCH = 2_000;
// Kept by triggers from the tables above: the matcher's (migration match_blocks), rebuilt by refresh_person_match_blocks,
// and the participation facts (migration participation_facts), rebuilt by rebuild_participation.
const DERIVED = new Set([
  "person_match_blocks",
  "person_match_profiles",
  "person_match_pairs",
  "match_block_sizes",
  "participation_sessions",
  "participation_people",
  "participation_links",
  "participation_tallies",
  "participation_members",
  "generation_versions",
]);
const SEQUENCES = ["totals_data_version"];

type TableInfo = { name: string; columns: string[]; key: string[] };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Base tables with their stored columns and primary key, parents before children (foreign keys). */
export async function backupTables(client: pg.Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; key: string[] | null }>(`
    SELECT c.relname::text AS table,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns,
           (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey, k.attnum))
              FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind = 'r'
    GROUP BY c.oid, c.relname`);
  const { rows: links } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT child.relname::text AS child, parent.relname::text AS parent
    FROM pg_constraint f JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
    WHERE f.contype = 'f' AND child.oid <> parent.oid`);
  const tables = rows
    .filter((row) => !DERIVED.has(row.table))
    .map((row) => ({ name: row.table, columns: row.columns, key: row.key ?? row.columns }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Parents first: repeatedly take the tables whose parents are all placed.
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) =>
        !placed.has(table.name) && links.every((link) => link.child !== table.name || placed.has(link.parent) || DERIVED.has(link.parent)),
    );
    if (!ready.length) throw new Error("Circular foreign keys between tables: cannot order the backup");
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

/** Each table's row count and an md5 of its stored columns in key order: what a backup and its restore must share. */
export async function tableChecksums(client: pg.Client): Promise<Record<string, { rows: number; checksum: string }>> {
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const table of await backupTables(client)) {
    const columns = table.columns.map(quote).join(", ");
    const { rows } = await client.query<{ rows: string; checksum: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY ${table.key.map((key) => `t.${quote(key)}`).join(", ")})) AS checksum
       FROM (SELECT ${columns} FROM ${quote(table.name)}) AS t`,
    );
    result[table.name] = { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum ?? "" };
  }
  return result;
}

/** Writes a backup of the database at `url` to `file`; returns each table's count. */
export async function writeBackup(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = (line: unknown) =>
    new Promise<void>((resolve) => (gzip.write(`${JSON.stringify(line)}\n`) ? resolve() : gzip.once("drain", resolve)));
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    const migrations = (
      await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      )
    ).rows.map((row) => row.migration_name);
    await write({ format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations });
    const checksums = await tableChecksums(client);
    for (const table of await backupTables(client)) {
      await write({ table: table.name, columns: table.columns });
      const columns = table.columns.map(quote).join(", ");
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t) AS r FROM (SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${table.key.map(quote).join(", ")}) AS t`,
      );
      let total = 0;
      for (;;) {
        const { rows } = await client.query<{ r: unknown }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const row of rows) await write({ r: row.r });
        total += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
      await write({ end: table.name, rows: total, checksum: checksums[table.name]!.checksum });
      counts[table.name] = total;
    }
    for (const sequence of SEQUENCES) {
      const { rows } = await client.query<{ value: string }>(`SELECT last_value AS value FROM ${quote(sequence)}`);
      await write({ sequence, value: Number(rows[0]!.value) });
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
    await new Promise<void>((resolve, reject) => {
      out.on("finish", resolve);
      out.on("error", reject);
      gzip.end();
    });
  }
  return counts;
}

/**
 * Loads a backup into the database at `url`, which must be migrated to the same migrations and hold no
 * data (`replace`: its data is removed first, in the same transaction). All or nothing.
 */
export async function restoreBackup(url: string, file: string, options: { replace?: boolean } = {}): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL statement_timeout = 0");
    // The matcher's blocks are rebuilt once at the end, not row by row (lib/matching/match-blocks.ts).
    await client.query("SELECT set_config('tejido.defer_match_blocks', 'on', true)");
    await client.query("SELECT set_config('tejido.defer_participation', 'on', true)");
    const tables = await backupTables(client);
    type Header = { format?: string; version?: number; migrations?: string[] };
    let header: Header | undefined;
    let sameSchema = true;
    let current: { name: string; columns: string[] } | undefined;
    let batch: unknown[] = [];
    const flush = async () => {
      if (!current || !batch.length) return;
      const columns = current.columns.map(quote).join(", ");
      await client.query(
        `INSERT INTO ${quote(current.name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quote(current.name)}, $1::json)`,
        [JSON.stringify(batch)],
      );
      counts[current.name] = (counts[current.name] ?? 0) + batch.length;
      batch = [];
    };
    // Opened only now: a stream read while the queries above ran would have ended before anyone listened.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        header = entry as Header;
        if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new Error(`${file} is not a Tejido backup`);
        const migrations = (
          await client.query<{ migration_name: string }>(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
          )
        ).rows.map((row) => row.migration_name);
        // The same migrations, or later ones (a backup of the previous release restored by this one): the rows go
        // into the columns they had; columns added since take their defaults.
        const backupMigrations = header.migrations ?? [];
        sameSchema = JSON.stringify(migrations) === JSON.stringify(backupMigrations);
        if (!sameSchema && JSON.stringify(migrations.slice(0, backupMigrations.length)) !== JSON.stringify(backupMigrations))
          throw new Error(
            `The database's migrations do not continue the backup's (backup: ${backupMigrations.at(-1)}, database: ${migrations.at(-1)}).`,
          );
        const filled = [];
        for (const table of tables) {
          const { rows } = await client.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`);
          if (rows.length && table.name !== "_prisma_migrations") filled.push(table.name);
        }
        if (filled.length && !options.replace)
          throw new Error(`The database already holds data (${filled.join(", ")}). Restore into an empty database, or pass --replace.`);
        if (filled.length) {
          const names = tables.filter((table) => table.name !== "_prisma_migrations").map((table) => quote(table.name));
          // The audit log is append-only (a trigger refuses TRUNCATE): replacing a whole database is the one
          // exception, by an operator with a role that may set session_replication_role (a superuser).
          await client.query("SET LOCAL session_replication_role = replica");
          await client.query(`TRUNCATE ${[...names, ...[...DERIVED].map(quote)].join(", ")} CASCADE`);
          await client.query("SET LOCAL session_replication_role = origin");
        }
        continue;
      }
      if (typeof entry.table === "string") {
        await flush();
        // The migrations table is the target's own (checked equal above).
        // Into the columns the table still has (a backup of an earlier release may name one dropped since).
        const target = tables.find((table) => table.name === entry.table);
        current =
          entry.table === "_prisma_migrations" || !target
            ? undefined
            : { name: target.name, columns: (entry.columns as string[]).filter((column) => target.columns.includes(column)) };
        continue;
      }
      if ("r" in entry) {
        if (current) batch.push(entry.r);
        if (batch.length >= BATCH) await flush();
        continue;
      }
      if (typeof entry.end === "string") {
        await flush();
        current = undefined;
        continue;
      }
      if (typeof entry.sequence === "string")
        await client.query("SELECT setval($1::regclass, $2::bigint)", [quote(entry.sequence), entry.value as number]);
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    await client.query("SELECT refresh_person_match_blocks(ARRAY(SELECT id FROM people))");
    await client.query("SELECT set_config('tejido.defer_participation', 'off', true)");
    await client.query("SELECT rebuild_participation(id) FROM generations ORDER BY id");
    // Every table as the backup saw it, or nothing is committed.
    const expected = await expectedChecksums(file);
    const actual = await tableChecksums(client);
    // Checksums cover the columns of the schema: across a schema change only the counts can be compared.
    const wrong = Object.entries(expected).filter(
      ([table, sums]) =>
        table !== "_prisma_migrations" && (actual[table]?.rows !== sums.rows || (sameSchema && actual[table]?.checksum !== sums.checksum)),
    );
    if (wrong.length) throw new Error(`Restored tables differ from the backup: ${wrong.map(([table]) => table).join(", ")}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return counts;
}

/** The counts and checksums a backup recorded, per table. */
export async function expectedChecksums(file: string): Promise<Record<string, { rows: number; checksum: string }>> {
  const result: Record<string, { rows: number; checksum: string }> = {};
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{"end"')) continue;
    const entry = JSON.parse(line) as { end: string; rows: number; checksum: string };
    result[entry.end] = { rows: entry.rows, checksum: entry.checksum };
  }
  return result;
}
