import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { highGroups } from "@/lib/matching/settle-pairs";
import { findDuplicatePairs, type DuplicateKind } from "./find-duplicates";
import { mergeOrganizationsInTransaction, ORGANIZATION_MERGE_FIELDS } from "./merge-organizations";
import { mergePeopleInTransaction, PERSON_MERGE_FIELDS } from "./merge-people";
import type { FieldChoice } from "./merge-snapshot";

type Tx = Prisma.TransactionClient;

/** What "merge all high-confidence pairs" would do: how many records become how many, for the review screen. */
export async function previewHighConfidenceMerge(options: { actor: Actor; kind: DuplicateKind; generationId?: string }) {
  const groups = await highConfidenceGroups(options);
  return { groups: groups.length, records: groups.reduce((sum, group) => sum + group.length, 0) };
}

async function highConfidenceGroups(options: { actor: Actor; kind: DuplicateKind; generationId?: string }) {
  const pairs = await findDuplicatePairs(options);
  return highGroups(
    pairs.map((pair) => ({ firstKey: pair.firstId, secondKey: pair.secondId, confidence: pair.confidence, strength: pair.strength })),
  );
}

const empty = (value: unknown) => value === null || value === undefined || value === "";

/** Each field keeps the kept record's value unless it has none and the other has one. */
function fillEmpty<Field extends string>(fields: readonly Field[], kept: Record<string, unknown>, other: Record<string, unknown>) {
  return Object.fromEntries(
    fields.filter((field) => empty(kept[field]) && !empty(other[field])).map((field) => [field, "merged" as FieldChoice]),
  ) as Partial<Record<Field, FieldChoice>>;
}

/**
 * Merges every group of records the matcher joins with "high" pairs (in the actor's scope), in one
 * transaction, as one batch that undoMergeBatch puts back as a whole. In each group the record that
 * holds most (enrollments, attendance, affiliations or memberships), then the oldest, is kept; it
 * takes another record's value only for fields it has empty. With `generationId`, only that
 * generation's records (see findDuplicatePairs).
 */
export async function mergeHighConfidencePairs(options: { actor: Actor; kind: DuplicateKind; generationId?: string }) {
  assertCan(options.actor, "merge:registry");
  const groups = await highConfidenceGroups(options);
  if (!groups.length) return { batchId: null, merged: [] as Array<{ keptId: string; mergedId: string }> };
  const ids = groups.flat();
  const weight = new Map<string, [number, number]>(
    options.kind === "people"
      ? (
          await db.person.findMany({
            where: { id: { in: ids } },
            select: { id: true, createdAt: true, _count: { select: { enrollments: true, attendance: true, affiliations: true } } },
          })
        ).map((p) => [p.id, [p._count.enrollments + p._count.attendance + p._count.affiliations, p.createdAt.getTime()]])
      : (
          await db.organization.findMany({
            where: { id: { in: ids } },
            select: { id: true, createdAt: true, _count: { select: { memberships: true, affiliations: true, enrollments: true } } },
          })
        ).map((o) => [o.id, [o._count.memberships + o._count.affiliations + o._count.enrollments, o.createdAt.getTime()]]),
  );
  const ordered = groups.map((group) =>
    [...group].sort((a, b) => {
      const [wa, ta] = weight.get(a) ?? [0, 0];
      const [wb, tb] = weight.get(b) ?? [0, 0];
      return wb - wa || ta - tb || (a < b ? -1 : 1);
    }),
  );
  return db.$transaction(
    async (tx) => {
      const batch = await tx.mergeBatch.create({
        data: { kind: options.kind === "people" ? "PERSON" : "ORGANIZATION", createdById: options.actor.userId },
        select: { id: true },
      });
      const merged: Array<{ keptId: string; mergedId: string }> = [];
      for (const [keptId, ...others] of ordered)
        for (const mergedId of others) {
          await mergeOne(tx, options, keptId!, mergedId, batch.id);
          merged.push({ keptId: keptId!, mergedId });
        }
      await recordAuditEvent(tx, {
        actorId: options.actor.userId,
        action: "merge-batch.created",
        targetType: "MergeBatch",
        targetId: batch.id,
        data: { kind: options.kind, merges: merged.length },
      });
      return { batchId: batch.id, merged };
    },
    { maxWait: 10_000, timeout: 300_000 },
  );
}

async function mergeOne(tx: Tx, options: { actor: Actor; kind: DuplicateKind }, survivorId: string, mergedId: string, batchId: string) {
  if (options.kind === "people") {
    const [kept, other] = await Promise.all([survivorId, mergedId].map((id) => tx.person.findUniqueOrThrow({ where: { id } })));
    const choices = fillEmpty(PERSON_MERGE_FIELDS, kept!, other!);
    await mergePeopleInTransaction(tx, { actor: options.actor, survivorId, mergedId, choices, batchId });
  } else {
    const [kept, other] = await Promise.all([survivorId, mergedId].map((id) => tx.organization.findUniqueOrThrow({ where: { id } })));
    const choices = fillEmpty(ORGANIZATION_MERGE_FIELDS, kept!, other!);
    await mergeOrganizationsInTransaction(tx, { actor: options.actor, survivorId, mergedId, choices, batchId });
  }
}
