import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizationWriteScope } from "@/lib/registry/scope";
import { chooseValues, jsonRow, type FieldChoice, type MergeSnapshot } from "./merge-snapshot";

export const ORGANIZATION_MERGE_FIELDS = ["name", "shortName", "type", "state", "municipality", "website", "rfc"] as const;
export type OrganizationMergeField = (typeof ORGANIZATION_MERGE_FIELDS)[number];

type Tx = Prisma.TransactionClient;

/**
 * Makes two organizations one: memberships, program partnerships, affiliations, enrollments
 * and the networks it convenes move to the survivor; a membership, partnership or affiliation
 * the survivor already has is kept once. One transaction, recorded for undo.
 */
export async function mergeOrganizations(options: {
  actor: Actor;
  survivorId: string;
  mergedId: string;
  choices: Partial<Record<OrganizationMergeField, FieldChoice>>;
}): Promise<{ mergeId: string }> {
  assertCan(options.actor, "merge:registry");
  return db.$transaction((tx) => mergeOrganizationsInTransaction(tx, options));
}

/** The merge itself, inside the caller's transaction (a bulk merge makes many in one); `batchId` ties it to that batch. */
export async function mergeOrganizationsInTransaction(
  tx: Tx,
  options: {
    actor: Actor;
    survivorId: string;
    mergedId: string;
    choices: Partial<Record<OrganizationMergeField, FieldChoice>>;
    batchId?: string;
  },
): Promise<{ mergeId: string }> {
  const { actor, survivorId, mergedId } = options;
  assertCan(actor, "merge:registry");
  if (survivorId === mergedId) throw new AppError("VALIDATION", "An organization cannot be merged with itself");
  await tx.$queryRaw`SELECT id FROM organizations WHERE id IN (${survivorId}, ${mergedId}) ORDER BY id FOR UPDATE`;
  const [survivor, merged] = await Promise.all(
    [survivorId, mergedId].map((id) =>
      tx.organization.findFirst({ where: { AND: [{ id }, organizationWriteScope(actor, "merge:registry")] } }),
    ),
  );
  if (!survivor || !merged) throw new AppError("NOT_FOUND");
  const { before, after } = chooseValues(ORGANIZATION_MERGE_FIELDS, survivor, merged, options.choices);
  const snapshot: MergeSnapshot = { record: jsonRow(merged), survivorBefore: before, survivorAfter: after, moved: {}, removed: {} };

  await moveMemberships(tx, survivorId, mergedId, snapshot);
  await movePartnerships(tx, survivorId, mergedId, snapshot);
  await moveAffiliations(tx, survivorId, mergedId, snapshot);
  const [enrollments, convenes] = await Promise.all([
    tx.enrollment.findMany({ where: { organizationId: mergedId }, select: { id: true } }),
    tx.network.findMany({ where: { convenerOrganizationId: mergedId }, select: { id: true } }),
  ]);
  await tx.enrollment.updateMany({ where: { organizationId: mergedId }, data: { organizationId: survivorId } });
  await tx.network.updateMany({ where: { convenerOrganizationId: mergedId }, data: { convenerOrganizationId: survivorId } });
  snapshot.moved.enrollments = enrollments.map((row) => row.id);
  snapshot.moved.convenes = convenes.map((row) => row.id);

  await tx.organization.delete({ where: { id: mergedId } });
  if (Object.keys(after).length) await tx.organization.update({ where: { id: survivorId }, data: after });
  const merge = await tx.recordMerge.create({
    data: {
      kind: "ORGANIZATION",
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
    action: "organization.merged",
    targetType: "Organization",
    targetId: survivorId,
    data: { mergeId: merge.id, mergedId, fields: Object.keys(after) },
  });
  return { mergeId: merge.id };
}

async function moveMemberships(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all(
    [mergedId, survivorId].map((organizationId) => tx.networkMembership.findMany({ where: { organizationId } })),
  );
  const kept = new Set(survivor!.map((row) => row.networkId));
  const move = merged!.filter((row) => !kept.has(row.networkId));
  const remove = merged!.filter((row) => kept.has(row.networkId));
  await tx.networkMembership.deleteMany({ where: { organizationId: mergedId, networkId: { in: remove.map((row) => row.networkId) } } });
  await tx.networkMembership.updateMany({
    where: { organizationId: mergedId, networkId: { in: move.map((row) => row.networkId) } },
    data: { organizationId: survivorId },
  });
  snapshot.moved.memberships = move.map((row) => row.networkId);
  snapshot.removed.memberships = remove.map(jsonRow);
}

async function movePartnerships(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all(
    [mergedId, survivorId].map((organizationId) => tx.programPartner.findMany({ where: { organizationId } })),
  );
  const key = (row: { programId: string; role: string }) => `${row.programId}|${row.role}`;
  const kept = new Set(survivor!.map(key));
  const remove = merged!.filter((row) => kept.has(key(row)));
  const move = merged!.filter((row) => !kept.has(key(row)));
  for (const row of remove) await tx.programPartner.delete({ where: { programId_organizationId_role: row } });
  for (const row of move)
    await tx.programPartner.update({ where: { programId_organizationId_role: row }, data: { organizationId: survivorId } });
  snapshot.moved.partnerships = move.map(key);
  snapshot.removed.partnerships = remove.map(jsonRow);
}

async function moveAffiliations(tx: Tx, survivorId: string, mergedId: string, snapshot: MergeSnapshot) {
  const [merged, survivor] = await Promise.all(
    [mergedId, survivorId].map((organizationId) => tx.affiliation.findMany({ where: { organizationId } })),
  );
  const kept = new Set(survivor!.map((row) => row.personId));
  const move = merged!.filter((row) => !kept.has(row.personId));
  const remove = merged!.filter((row) => kept.has(row.personId));
  await tx.affiliation.deleteMany({ where: { id: { in: remove.map((row) => row.id) } } });
  await tx.affiliation.updateMany({ where: { id: { in: move.map((row) => row.id) } }, data: { organizationId: survivorId } });
  snapshot.moved.affiliations = move.map((row) => row.id);
  snapshot.removed.affiliations = remove.map(jsonRow);
}
