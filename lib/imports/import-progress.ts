import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getImportInScopeOrThrow } from "./import-access";

export const COMMIT_STEPS = ["checking", "organizations", "people", "affiliations", "enrollments"] as const;
export type CommitStep = (typeof COMMIT_STEPS)[number] | "done";
export type ImportProgress = { step: CommitStep; done: number; total: number };

/**
 * Progress is a row of import_progress, written on the app's own connections, outside the commit's
 * transaction: the browser's polling may reach any app instance, and all of them read it there.
 */
export async function reportImportProgress(importId: string, progress: ImportProgress) {
  await db.importProgress.upsert({
    where: { importId },
    create: { importId, ...progress },
    update: progress,
  });
}

/** How far a running commit is, for whoever may import into that generation; null when none ran. */
export async function getImportProgress(options: { actor: Actor; importId: string }): Promise<ImportProgress | null> {
  await getImportInScopeOrThrow(options.actor, options.importId, {});
  const row = await db.importProgress.findUnique({
    where: { importId: options.importId },
    select: { step: true, done: true, total: true },
  });
  return row ? { step: row.step as CommitStep, done: row.done, total: row.total } : null;
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
  await reportImportProgress(importId, { step, done: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += sliceSize) {
    count += (await write(rows.slice(start, start + sliceSize))).count;
    await reportImportProgress(importId, { step, done: Math.min(rows.length, start + sliceSize), total: rows.length });
  }
  return { count };
}
