import "server-only";
import { db } from "@/lib/db";
import { computeGenerationFacts, type FactsFilters, type GenerationFacts } from "./compute-generation-facts";

/**
 * Totals are recomputed from records whenever any record behind them changed:
 * entries are keyed by `totals_data_version`, a sequence that triggers move on
 * every write to attendance, enrollments, sessions, people, organizations and
 * networks. A dashboard opened by 20 people at once therefore costs one
 * computation. The age limit bounds the one race a version cannot see (a read
 * that starts between a write's trigger and its commit).
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 500;

type Entry = { version: string; storedAt: number; facts: Promise<GenerationFacts> };
const globalForFacts = globalThis as unknown as { tejidoFacts?: Map<string, Entry> };
const entries = (globalForFacts.tejidoFacts ??= new Map<string, Entry>());

async function dataVersion() {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`SELECT last_value::text AS version FROM totals_data_version`;
  return row!.version;
}

export async function getGenerationFacts(generation: { id: string; completionPercent: number }, filters: FactsFilters = {}) {
  const key = JSON.stringify([generation.id, generation.completionPercent, filters]);
  const version = await dataVersion();
  const cached = entries.get(key);
  if (cached && cached.version === version && Date.now() - cached.storedAt < MAX_AGE_MS) return cached.facts;

  const facts = computeGenerationFacts(generation.id, generation.completionPercent, filters);
  entries.delete(key);
  entries.set(key, { version, storedAt: Date.now(), facts });
  facts.catch(() => entries.delete(key));
  // Maps iterate in insertion order: the first key is the oldest entry.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return facts;
}
