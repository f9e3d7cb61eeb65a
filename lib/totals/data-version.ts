import "server-only";
import { db } from "@/lib/db";

/**
 * `totals_data_version` is a sequence that triggers move on every write to the records totals and
 * duplicate pairs are computed from (attendance, enrollments, sessions, people, organizations,
 * networks, affiliations, memberships, "not a duplicate" decisions: migrations totals_data_version
 * and one_matcher). A result computed at one version is good until the next write.
 */
export async function dataVersion() {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`SELECT last_value::text AS version FROM totals_data_version`;
  return row!.version;
}

// The one race a version cannot see (a read that starts between a write's trigger and its commit) is bounded by age.
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 500;

// `storedAt` is when the value was ready (null while it is computed): a long computation is not born stale.
type Entry = { version: string; storedAt: number | null; value: Promise<unknown> };
const globalForCache = globalThis as unknown as { tejidoByDataVersion?: Map<string, Entry> };
const entries = (globalForCache.tejidoByDataVersion ??= new Map<string, Entry>());

/** `compute()` once per key and data version: many viewers of the same numbers cost one computation. */
export async function cachedByDataVersion<T>(key: string, compute: () => Promise<T>): Promise<T> {
  return cachedAtVersion(key, await dataVersion(), compute);
}

/**
 * The version of one generation's totals (table generation_versions, moved by the triggers of migration
 * participation_facts whenever anything behind them changes). Kept in PostgreSQL, so every app instance
 * reads the same one: a cache keyed by it is right in all of them, and a write to another generation
 * invalidates nothing here.
 */
export async function generationVersion(generationId: string) {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`
    SELECT version::text AS version FROM generation_versions WHERE "generationId" = ${generationId}`;
  return row?.version ?? "0";
}

/** `compute()` once per key and version (of the data, or of a generation). */
export async function cachedAtVersion<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const cached = entries.get(key);
  if (cached && cached.version === version && (cached.storedAt === null || Date.now() - cached.storedAt < MAX_AGE_MS))
    return cached.value as Promise<T>;
  const value = compute();
  const entry: Entry = { version, storedAt: null, value };
  entries.delete(key);
  entries.set(key, entry);
  value.then(
    () => (entry.storedAt = Date.now()),
    () => entries.delete(key),
  );
  // Maps iterate in insertion order: the first key is the oldest entry.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
