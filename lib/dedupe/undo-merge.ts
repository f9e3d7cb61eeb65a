import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizationWriteScope, personScope } from "@/lib/registry/scope";
import type { MergeSnapshot } from "./merge-snapshot";

type Tx = Prisma.TransactionClient;
type Rows<T> = T[];

/** Why an undo cannot run, as a catalog message (dedupe.undoRefused.*). */
function refuse(reason: "alreadyUndone" | "survivorGone" | "emailTaken") {
  return new AppError("CONFLICT", `Undo refused: ${reason}`, { messageKey: `dedupe.undoRefused.${reason}` });
}

/**
 * Puts a merge back: the merged record returns with its id, the rows that moved go back, the
 * rows removed to avoid conflicts are written again, and the survivor gets its previous value
 * for each field the merge changed, unless someone has edited that field since.
 */
export async function undoMerge(options: { actor: Actor; mergeId: string }) {
  assertCan(options.actor, "merge:registry");
  return db.$transaction((tx) => undoMergeInTransaction(tx, options));
}

/** The undo itself, inside the caller's transaction (a batch undoes many in one). */
export async function undoMergeInTransaction(tx: Tx, options: { actor: Actor; mergeId: string }) {
  const { actor } = options;
  assertCan(actor, "merge:registry");
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM record_merges WHERE id = ${options.mergeId} FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND");
  const merge = await tx.recordMerge.findUniqueOrThrow({ where: { id: options.mergeId } });
  const inScope =
    merge.kind === "PERSON"
      ? await tx.person.count({ where: { AND: [{ id: merge.survivorId }, personScope(actor, "merge:registry")] } })
      : await tx.organization.count({ where: { AND: [{ id: merge.survivorId }, organizationWriteScope(actor, "merge:registry")] } });
  const survivorExists =
    merge.kind === "PERSON"
      ? await tx.person.count({ where: { id: merge.survivorId } })
      : await tx.organization.count({ where: { id: merge.survivorId } });
  if (merge.undoneAt) throw refuse("alreadyUndone");
  // A survivor merged away since then must be brought back first (undo that later merge).
  if (!survivorExists) throw refuse("survivorGone");
  if (!inScope) throw new AppError("NOT_FOUND");
  const snapshot = merge.snapshot as unknown as MergeSnapshot;

  if (merge.kind === "PERSON") await undoPersonMerge(tx, merge.survivorId, snapshot);
  else await undoOrganizationMerge(tx, merge.survivorId, snapshot);

  await tx.recordMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date(), undoneById: actor.userId } });
  await recordAuditEvent(tx, {
    actorId: actor.userId,
    action: merge.kind === "PERSON" ? "person.merge-undone" : "organization.merge-undone",
    targetType: merge.kind === "PERSON" ? "Person" : "Organization",
    targetId: merge.survivorId,
    data: { mergeId: merge.id, mergedId: merge.mergedId },
  });
  return { survivorId: merge.survivorId, mergedId: merge.mergedId, kind: merge.kind };
}

/** The survivor's fields the merge set and nobody changed since, with the value they had before. */
// Keys PostgreSQL computes (migration one_matcher), and the app-written keys of snapshots taken before it:
// a record is written back without them and the database computes its keys again.
const COMPUTED = new Set(["matchKey", "nameWords", "emailKey", "nameKey", "normalizedName"]);
function writable(record: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !COMPUTED.has(field)));
}

function fieldsToRestore(current: Record<string, unknown>, snapshot: MergeSnapshot) {
  const restore: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(snapshot.survivorAfter))
    if (JSON.stringify(current[field] ?? null) === JSON.stringify(value ?? null)) restore[field] = snapshot.survivorBefore[field];
  return restore;
}

async function undoPersonMerge(tx: Tx, survivorId: string, snapshot: MergeSnapshot) {
  const survivor = await tx.person.findUniqueOrThrow({ where: { id: survivorId } });
  const restore = fieldsToRestore(survivor, snapshot);
  if (Object.keys(restore).length) await tx.person.update({ where: { id: survivorId }, data: restore });
  const record = writable(snapshot.record) as Prisma.PersonCreateManyInput;
  if (record.email && (await tx.person.count({ where: { email: record.email } }))) throw refuse("emailTaken");
  await tx.person.create({ data: record });
  const mergedId = record.id!;
  await tx.enrollment.updateMany({
    where: { id: { in: snapshot.moved.enrollments ?? [] }, personId: survivorId },
    data: { personId: mergedId },
  });
  await tx.attendance.updateMany({
    where: { id: { in: snapshot.moved.attendance ?? [] }, personId: survivorId },
    data: { personId: mergedId },
  });
  await tx.affiliation.updateMany({
    where: { id: { in: snapshot.moved.affiliations ?? [] }, personId: survivorId },
    data: { personId: mergedId },
  });
  await tx.enrollment.createMany({
    data: (snapshot.removed.enrollments ?? []) as Rows<Prisma.EnrollmentCreateManyInput>,
    skipDuplicates: true,
  });
  await tx.attendance.createMany({
    data: (snapshot.removed.attendance ?? []) as Rows<Prisma.AttendanceCreateManyInput>,
    skipDuplicates: true,
  });
  await tx.affiliation.createMany({
    data: (snapshot.removed.affiliations ?? []) as Rows<Prisma.AffiliationCreateManyInput>,
    skipDuplicates: true,
  });
}

async function undoOrganizationMerge(tx: Tx, survivorId: string, snapshot: MergeSnapshot) {
  const survivor = await tx.organization.findUniqueOrThrow({ where: { id: survivorId } });
  const restore = fieldsToRestore(survivor, snapshot);
  if (Object.keys(restore).length) await tx.organization.update({ where: { id: survivorId }, data: restore });
  const record = writable(snapshot.record) as Prisma.OrganizationCreateManyInput;
  await tx.organization.create({ data: record });
  const mergedId = record.id!;
  await tx.networkMembership.updateMany({
    where: { organizationId: survivorId, networkId: { in: snapshot.moved.memberships ?? [] } },
    data: { organizationId: mergedId },
  });
  for (const key of snapshot.moved.partnerships ?? []) {
    const [programId, role] = key.split("|") as [string, Prisma.ProgramPartnerCreateManyInput["role"]];
    await tx.programPartner.updateMany({ where: { programId, role, organizationId: survivorId }, data: { organizationId: mergedId } });
  }
  await tx.affiliation.updateMany({
    where: { id: { in: snapshot.moved.affiliations ?? [] }, organizationId: survivorId },
    data: { organizationId: mergedId },
  });
  await tx.enrollment.updateMany({
    where: { id: { in: snapshot.moved.enrollments ?? [] }, organizationId: survivorId },
    data: { organizationId: mergedId },
  });
  await tx.network.updateMany({
    where: { id: { in: snapshot.moved.convenes ?? [] }, convenerOrganizationId: survivorId },
    data: { convenerOrganizationId: mergedId },
  });
  await tx.networkMembership.createMany({
    data: (snapshot.removed.memberships ?? []) as Rows<Prisma.NetworkMembershipCreateManyInput>,
    skipDuplicates: true,
  });
  await tx.programPartner.createMany({
    data: (snapshot.removed.partnerships ?? []) as Rows<Prisma.ProgramPartnerCreateManyInput>,
    skipDuplicates: true,
  });
  await tx.affiliation.createMany({
    data: (snapshot.removed.affiliations ?? []) as Rows<Prisma.AffiliationCreateManyInput>,
    skipDuplicates: true,
  });
}
