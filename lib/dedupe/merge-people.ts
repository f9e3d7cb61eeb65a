import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AttendanceStatus, EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { personFieldsSelect } from "@/lib/people/person-select";
import { personScope } from "@/lib/registry/scope";
import { chooseValues, jsonRow, type FieldChoice, type MergeSnapshot } from "./merge-snapshot";

export const PERSON_MERGE_FIELDS = [
  "givenNames",
  "firstSurname",
  "secondSurname",
  "email",
  "phone",
  "gender",
  "genderSelfDescribed",
  "ageRange",
  "state",
] as const;
export type PersonMergeField = (typeof PERSON_MERGE_FIELDS)[number];

// When both records hold a row for the same session or generation, the one that says more is kept:
// whoever was marked present under one record and absent under the other was there.
const ATTENDANCE_RANK: Record<AttendanceStatus, number> = { PRESENT: 4, LATE: 3, EXCUSED: 2, ABSENT: 1 };
const ENROLLMENT_RANK: Record<EnrollmentStatus, number> = { COMPLETED: 4, ACTIVE: 3, REGISTERED: 2, WITHDRAWN: 1 };

type Tx = Prisma.TransactionClient;

/**
 * Makes two people one: the survivor keeps its id and takes the chosen values; the merged
 * person's enrollments, affiliations and attendance move to it, and the merged record is
 * deleted. Where both hold a row for the same thing (session, generation and network,
 * organization) the stronger one stays. All in one transaction, recorded for undo.
 */
export async function mergePeople(options: {
  actor: Actor;
  survivorId: string;
  mergedId: string;
  choices: Partial<Record<PersonMergeField, FieldChoice>>;
}): Promise<{ mergeId: string }> {
  assertCan(options.actor, "merge:registry");
  return db.$transaction((tx) => mergePeopleInTransaction(tx, options));
}

/** The merge itself, inside the caller's transaction (a bulk merge makes many in one); `batchId` ties it to that batch. */
export async function mergePeopleInTransaction(
  tx: Tx,
  options: {
    actor: Actor;
    survivorId: string;
    mergedId: string;
    choices: Partial<Record<PersonMergeField, FieldChoice>>;
    batchId?: string;
  },
): Promise<{ mergeId: string }> {
  const { actor, survivorId, mergedId } = options;
  assertCan(actor, "merge:registry");
  if (survivorId === mergedId) throw new AppError("VALIDATION", "A person cannot be merged with itself");
  // Lock both rows so a concurrent merge or edit of either waits for this one.
  await tx.$queryRaw`SELECT id FROM people WHERE id IN (${survivorId}, ${mergedId}) ORDER BY id FOR UPDATE`;
  const [survivor, merged] = await Promise.all([survivorId, mergedId].map((id) => findInScope(tx, actor, id)));
  if (!survivor || !merged) throw new AppError("NOT_FOUND");

  // The gender and its self-description travel together.
  const choices = { ...options.choices, genderSelfDescribed: options.choices.gender };
  const { before, after } = chooseValues(PERSON_MERGE_FIELDS, survivor, merged, choices);
  const snapshot: MergeSnapshot = { record: jsonRow(merged), survivorBefore: before, survivorAfter: after, moved: {}, removed: {} };

  await moveEnrollments(tx, survivorId, mergedId, snapshot);
  await moveAttendance(tx, survivorId, mergedId, snapshot);
  await moveAffiliations(tx, survivorId, mergedId, snapshot);

  await tx.person.delete({ where: { id: mergedId } });
  if (Object.keys(after).length) await tx.person.update({ where: { id: survivorId }, data: after });
  const merge = await tx.recordMerge.create({
    data: {
      kind: "PERSON",
      survivorId,
      mergedId,
      batchId: options.batchId,
      mergedById: actor.userId,
      snapshot: snapshot as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, {
    actorId: actor.userId,
    action: "person.merged",
    targetType: "Person",
    targetId: survivorId,
    data: { mergeId: merge.id, mergedId, fields: Object.keys(after) },
  });
  return { mergeId: merge.id };
}

function findInScope(tx: Tx, actor: Actor, id: string) {
  return tx.person.findFirst({
    where: { AND: [{ id }, personScope(actor, "merge:registry")] },
    select: {
      ...personFieldsSelect,
      deactivatedAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

/** Splits the merged person's rows into those that move and those the survivor's own row replaces. */
function settle<Row extends { id: string }>(
  rows: { merged: Row[]; survivor: Row[] },
  sameThing: (a: Row, b: Row) => boolean,
  stronger: (a: Row, b: Row) => boolean,
) {
  const move: Row[] = [];
  const remove: Row[] = [];
  for (const row of rows.merged) {
    const own = rows.survivor.find((candidate) => sameThing(candidate, row));
    if (!own) move.push(row);
    else if (stronger(row, own)) {
      move.push(row);
      remove.push(own);
    } else remove.push(row);
  }
  return { move, remove };
}

async function moveEnrollments(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all([mergedId, survivorId].map((personId) => tx.enrollment.findMany({ where: { personId } })));
  const { move, remove } = settle(
    { merged: merged!, survivor: survivor! },
    (a, b) => a.generationId === b.generationId && a.networkId === b.networkId,
    (a, b) => ENROLLMENT_RANK[a.status] > ENROLLMENT_RANK[b.status],
  );
  await tx.enrollment.deleteMany({ where: { id: { in: remove.map((row) => row.id) } } });
  await tx.enrollment.updateMany({ where: { id: { in: move.map((row) => row.id) } }, data: { personId: survivorId } });
  snapshot.moved.enrollments = move.map((row) => row.id);
  snapshot.removed.enrollments = remove.map(jsonRow);
}

async function moveAttendance(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all([mergedId, survivorId].map((personId) => tx.attendance.findMany({ where: { personId } })));
  const { move, remove } = settle(
    { merged: merged!, survivor: survivor! },
    (a, b) => a.sessionId === b.sessionId,
    (a, b) => ATTENDANCE_RANK[a.status] > ATTENDANCE_RANK[b.status],
  );
  await tx.attendance.deleteMany({ where: { id: { in: remove.map((row) => row.id) } } });
  await tx.attendance.updateMany({ where: { id: { in: move.map((row) => row.id) } }, data: { personId: survivorId } });
  snapshot.moved.attendance = move.map((row) => row.id);
  snapshot.removed.attendance = remove.map(jsonRow);
}

async function moveAffiliations(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all([mergedId, survivorId].map((personId) => tx.affiliation.findMany({ where: { personId } })));
  const { move, remove } = settle(
    { merged: merged!, survivor: survivor! },
    (a, b) => a.organizationId === b.organizationId,
    () => false,
  );
  await tx.affiliation.deleteMany({ where: { id: { in: remove.map((row) => row.id) } } });
  await tx.affiliation.updateMany({ where: { id: { in: move.map((row) => row.id) } }, data: { personId: survivorId } });
  snapshot.moved.affiliations = move.map((row) => row.id);
  snapshot.removed.affiliations = remove.map(jsonRow);
}
