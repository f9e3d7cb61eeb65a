import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, scopeOf, type Actor, type Permission } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import { assertNoDuplicates } from "@/lib/registry/duplicates";
import type { OrganizationInput } from "@/lib/registry/fields";
import { networkWriteScope, organizationScope, organizationWriteScope } from "@/lib/registry/scope";

/**
 * Creates an organization, optionally as a member of a network. A liaison must
 * name their own network (or the organization would fall outside their reach).
 * Similar names stop the creation unless `allowSimilar` is set.
 */
export async function createOrganization(options: { actor: Actor; input: OrganizationInput; networkId?: string; allowSimilar?: boolean }) {
  assertCan(options.actor, "manage:registry");
  const scope = scopeOf(options.actor, "manage:registry");
  if (!scope.all && !scope.programIds.length && !options.networkId)
    throw new AppError("VALIDATION", "A network is required", { field: "networkId" });
  // Before the duplicate check, so a network out of reach is refused as such, not answered with look-alikes.
  if (options.networkId) await assertNetworkInScope(db, options.actor, options.networkId);
  await assertNoDuplicates(options.actor, {
    organization: { input: { ...options.input, networkId: options.networkId }, allowSimilar: options.allowSimilar },
  });
  return db.$transaction(async (tx) => {
    if (options.networkId) await assertNetworkInScope(tx, options.actor, options.networkId);
    const organization = await tx.organization.create({
      data: options.input,
      select: { id: true },
    });
    if (options.networkId) await tx.networkMembership.create({ data: { networkId: options.networkId, organizationId: organization.id } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "organization.created",
      targetType: "organization",
      targetId: organization.id,
    });
    return organization;
  });
}

/** Edits an organization in scope; with `version`, only while nobody saved in between (lib/records/record-version.ts). */
export async function updateOrganization(options: { actor: Actor; organizationId: string; input: OrganizationInput; version?: string }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    await findOrganizationInScopeOrThrow(tx, options.actor, options.organizationId, "manage:registry", "change");
    const updated = await tx.organization.updateMany({
      where: { id: options.organizationId, ...unchangedSince(options.version) },
      data: options.input,
    });
    if (!updated.count)
      throw staleRecordError(
        await tx.organization.findUniqueOrThrow({
          where: { id: options.organizationId },
          select: { updatedAt: true, name: true, shortName: true, state: true, municipality: true, website: true, rfc: true },
        }),
        ["name", "shortName", "state", "municipality", "website", "rfc"],
      );
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "organization.updated",
      targetType: "organization",
      targetId: options.organizationId,
    });
  });
}

/** Soft delete: the organization leaves lists and totals, and can be restored. */
export async function setOrganizationActive(options: { actor: Actor; organizationId: string; active: boolean }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    await findOrganizationInScopeOrThrow(tx, options.actor, options.organizationId, "manage:registry", "change");
    await tx.organization.update({ where: { id: options.organizationId }, data: { deactivatedAt: options.active ? null : new Date() } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.active ? "organization.restored" : "organization.deactivated",
      targetType: "organization",
      targetId: options.organizationId,
    });
  });
}

/**
 * An organization the actor may use: "link" (affiliate or enroll its people: any organization the actor
 * can read, since organizations take part in several programs) or "change" (edit, deactivate: only those
 * of the actor's programs or network, lib/registry/scope.ts). Out of reach is simply not found.
 */
export async function findOrganizationInScopeOrThrow(
  tx: Prisma.TransactionClient,
  actor: Actor,
  organizationId: string,
  permission: Permission = "manage:registry",
  access: "link" | "change" = "link",
) {
  const organization = await tx.organization.findFirst({
    where: {
      AND: [{ id: organizationId }, access === "change" ? organizationWriteScope(actor, permission) : organizationScope(actor, permission)],
    },
    select: { id: true, deactivatedAt: true },
  });
  if (!organization) throw new AppError("NOT_FOUND");
  return organization;
}

/** Adding a member changes the network: only a network the actor may change (networkWriteScope). */
export async function assertNetworkInScope(client: Pick<Prisma.TransactionClient, "network">, actor: Actor, networkId: string) {
  const network = await client.network.findFirst({
    where: { AND: [{ id: networkId, deactivatedAt: null }, networkWriteScope(actor, "manage:registry")] },
    select: { id: true },
  });
  if (!network) throw new AppError("NOT_FOUND", "Network out of reach", { field: "networkId" });
}
