import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findOrganizationInScopeOrThrow } from "@/lib/organizations/save-organization";
import { assertCanEnroll } from "./enrollment-access";

/**
 * Enrolls several people of one organization at once, all or none. People
 * already enrolled through that network are skipped, so repeating the same
 * request changes nothing.
 */
export async function enrollPeople(options: {
  actor: Actor;
  organizationId: string;
  generationId: string;
  networkId: string;
  personIds: string[];
}) {
  assertCan(options.actor, "manage:registry");
  const personIds = [...new Set(options.personIds)];
  if (!personIds.length) throw new AppError("VALIDATION", "Choose at least one person", { field: "personIds" });
  return db.$transaction(async (tx) => {
    await assertCanEnroll(tx, options.actor, options.generationId, options.networkId);
    await findOrganizationInScopeOrThrow(tx, options.actor, options.organizationId);
    const affiliated = await tx.affiliation.findMany({
      where: { organizationId: options.organizationId, personId: { in: personIds }, person: { deactivatedAt: null } },
      select: { personId: true },
    });
    if (affiliated.length !== personIds.length)
      throw new AppError("VALIDATION", "Everyone must belong to the organization", { field: "personIds" });
    await tx.networkMembership.upsert({
      where: { networkId_organizationId: { networkId: options.networkId, organizationId: options.organizationId } },
      create: { networkId: options.networkId, organizationId: options.organizationId },
      update: {},
    });
    const created = await tx.enrollment.createManyAndReturn({
      data: personIds.map((personId) => ({
        personId,
        organizationId: options.organizationId,
        generationId: options.generationId,
        networkId: options.networkId,
        registeredById: options.actor.userId,
      })),
      skipDuplicates: true,
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "enrollment.bulk-created",
      targetType: "organization",
      targetId: options.organizationId,
      data: { generationId: options.generationId, networkId: options.networkId, created: created.length },
    });
    return { created: created.length, skipped: personIds.length - created.length };
  });
}
