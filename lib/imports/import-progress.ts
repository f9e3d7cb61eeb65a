import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getImportInScopeOrThrow } from "./import-access";

export const COMMIT_STEPS = ["checking", "organizations", "people", "affiliations", "enrollments"] as const;
export type CommitStep = (typeof COMMIT_STEPS)[number] | "done";
export type ImportProgress = { step: CommitStep; done: number; total: number };

type Entry = ImportProgress & { at: number };

// Progress lives in this app instance's memory: the commit that reports it runs in the same
// instance that answers the browser polling for it. Entries expire, so the map stays small.
const globalForProgress = globalThis as unknown as { tejidoImportProgress?: Map<string, Entry> };
const entries = () => (globalForProgress.tejidoImportProgress ??= new Map());
const MAX_AGE_MS = 10 * 60_000;

export function reportImportProgress(importId: string, progress: ImportProgress) {
  const now = Date.now();
  for (const [id, entry] of entries()) if (now - entry.at > MAX_AGE_MS) entries().delete(id);
  entries().set(importId, { ...progress, at: now });
}

/** How far a running commit is, for whoever may import into that generation; null when none is running here. */
export async function getImportProgress(options: { actor: Actor; importId: string }): Promise<ImportProgress | null> {
  await getImportInScopeOrThrow(options.actor, options.importId, {});
  const entry = entries().get(options.importId);
  return entry ? { step: entry.step, done: entry.done, total: entry.total } : null;
}

/** Bulk writes in slices, reporting rows written, so a 20,000-row commit shows movement. */
export async function writeInSlices<Row>(
  importId: string,
  step: CommitStep,
  rows: Row[],
  write: (slice: Row[]) => Promise<{ count: number }>,
  sliceSize = 2_000,
) {
  let count = 0;
  reportImportProgress(importId, { step, done: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += sliceSize) {
    count += (await write(rows.slice(start, start + sliceSize))).count;
    reportImportProgress(importId, { step, done: Math.min(rows.length, start + sliceSize), total: rows.length });
  }
  return { count };
}
