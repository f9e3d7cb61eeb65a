import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizationScope, personScope } from "@/lib/registry/scope";
import type { MergeSnapshot } from "./merge-snapshot";

const mergeSelect = {
  id: true,
  kind: true,
  survivorId: true,
  mergedId: true,
  createdAt: true,
  undoneAt: true,
  snapshot: true,
  batchId: true,
  mergedBy: { select: { name: true } },
  undoneBy: { select: { name: true } },
} as const;

/**
 * A merge entry as people read it: who merged what and when, what moved, whether it was undone.
 * Only the merged record's name leaves the snapshot, and only for whoever may still see the survivor.
 */
function describe<Merge extends { snapshot: unknown }>({ snapshot: stored, ...merge }: Merge) {
  const snapshot = stored as MergeSnapshot;
  const record = snapshot.record;
  const mergedName =
    typeof record.name === "string"
      ? record.name
      : [record.givenNames, record.firstSurname, record.secondSurname].filter((part) => typeof part === "string" && part).join(" ");
  const count = (rows: unknown[] | undefined) => rows?.length ?? 0;
  return {
    ...merge,
    mergedName,
    changedFields: Object.keys(snapshot.survivorAfter),
    moved: Object.fromEntries(Object.entries(snapshot.moved).map(([table, ids]) => [table, count(ids)])),
    removed: Object.fromEntries(Object.entries(snapshot.removed).map(([table, rows]) => [table, count(rows)])),
  };
}

async function survivorVisible(actor: Actor, merge: { kind: string; survivorId: string }) {
  return merge.kind === "PERSON"
    ? (await db.person.count({ where: { AND: [{ id: merge.survivorId }, personScope(actor, "merge:registry")] } })) > 0
    : (await db.organization.count({ where: { AND: [{ id: merge.survivorId }, organizationScope(actor, "merge:registry")] } })) > 0;
}

/** Where a record merged away now lives: the survivor of the latest merge that took it in, followed to the end. */
async function absorberOf(merge: { kind: string; survivorId: string }) {
  let current = { kind: merge.kind, survivorId: merge.survivorId };
  for (let depth = 0; depth < 20; depth++) {
    const later = await db.recordMerge.findFirst({
      where: { kind: current.kind as "PERSON" | "ORGANIZATION", mergedId: current.survivorId, undoneAt: null },
      orderBy: { createdAt: "desc" },
      select: { kind: true, survivorId: true },
    });
    if (!later) break;
    current = later;
  }
  return current;
}

export async function getMerge(options: { actor: Actor; mergeId: string }) {
  assertCan(options.actor, "merge:registry");
  const merge = await db.recordMerge.findUnique({ where: { id: options.mergeId }, select: mergeSelect });
  if (!merge) throw new AppError("NOT_FOUND");
  const survivorExists =
    merge.kind === "PERSON"
      ? await db.person.findUnique({
          where: { id: merge.survivorId },
          select: { givenNames: true, firstSurname: true, secondSurname: true },
        })
      : await db.organization.findUnique({ where: { id: merge.survivorId }, select: { name: true } });
  // A survivor merged away since is judged by the record that took it in, so the entry can still say why undo waits.
  if (!(await survivorVisible(options.actor, survivorExists ? merge : await absorberOf(merge)))) throw new AppError("NOT_FOUND");
  const survivorName = !survivorExists
    ? null
    : "name" in survivorExists
      ? survivorExists.name
      : [survivorExists.givenNames, survivorExists.firstSurname, survivorExists.secondSurname].filter(Boolean).join(" ");
  return { ...describe(merge), survivorName };
}

/** The latest merges whose survivor the actor may see, newest first. */
export async function findRecentMerges(options: { actor: Actor; take?: number }) {
  assertCan(options.actor, "merge:registry");
  const merges = await db.recordMerge.findMany({ orderBy: { createdAt: "desc" }, take: 100, select: mergeSelect });
  const visible = [];
  for (const merge of merges) {
    if (visible.length >= (options.take ?? 10)) break;
    if (await survivorVisible(options.actor, merge)) visible.push(describe(merge));
  }
  return visible;
}

/** The merges a record took in (it was kept), newest first: where to find the undo for it. */
export async function findMergesInto(options: { actor: Actor; kind: "PERSON" | "ORGANIZATION"; survivorId: string }) {
  assertCan(options.actor, "merge:registry");
  if (!(await survivorVisible(options.actor, options))) return [];
  const merges = await db.recordMerge.findMany({
    where: { kind: options.kind, survivorId: options.survivorId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: mergeSelect,
  });
  return merges.map(describe);
}

/** A bulk merge and its merges, for whoever may see every record it kept (each judged as getMerge does). */
export async function getMergeBatch(options: { actor: Actor; batchId: string }) {
  assertCan(options.actor, "merge:registry");
  const batch = await db.mergeBatch.findUnique({
    where: { id: options.batchId },
    select: {
      id: true,
      kind: true,
      createdAt: true,
      undoneAt: true,
      createdBy: { select: { name: true } },
      merges: { select: mergeSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!batch) throw new AppError("NOT_FOUND");
  for (const merge of batch.merges) {
    const exists =
      merge.kind === "PERSON"
        ? await db.person.count({ where: { id: merge.survivorId } })
        : await db.organization.count({ where: { id: merge.survivorId } });
    if (!(await survivorVisible(options.actor, exists ? merge : await absorberOf(merge)))) throw new AppError("NOT_FOUND");
  }
  return { ...batch, merges: batch.merges.map(describe) };
}
