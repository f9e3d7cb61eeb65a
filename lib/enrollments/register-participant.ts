import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findOrganizationInScopeOrThrow } from "@/lib/organizations/save-organization";
import { findPersonInScopeOrThrow, insertPerson } from "@/lib/people/save-person";
import { DuplicatesFoundError, findOrganizationDuplicates, findPersonDuplicates } from "@/lib/registry/duplicates";
import type { OrganizationInput, PersonInput } from "@/lib/registry/fields";
import { organizationNameKey } from "@/lib/registry/normalize";
import { assertCanEnroll } from "./enrollment-access";

export type PersonChoice = { existingId: string } | { input: PersonInput; allowSimilar?: boolean };
export type OrganizationChoice = { existingId: string } | { input: OrganizationInput; allowSimilar?: boolean };

/**
 * The one-step registration: find or create the person, find or create their
 * organization (made a member of the network if it is not), affiliate them,
 * and enroll them in the generation. Possible duplicates stop it before
 * anything is written; the rest is one transaction, so nothing is half-saved.
 */
export async function registerParticipant(options: {
  actor: Actor;
  generationId: string;
  networkId: string;
  person: PersonChoice;
  organization: OrganizationChoice;
  title?: string;
}) {
  assertCan(options.actor, "manage:registry");
  await assertCanEnroll(db, options.actor, options.generationId, options.networkId);
  return performRegistration({ ...options, lookupPermission: "manage:registry" });
}

/**
 * The registration itself, once the caller has checked that the actor may enroll
 * through this network: the registry (manage:registry) or a session's walk-in
 * (a facilitator recording that session). Existing records are looked up within
 * `lookupPermission`.
 */
export async function performRegistration(options: {
  actor: Actor;
  generationId: string;
  networkId: string;
  person: PersonChoice;
  organization: OrganizationChoice;
  title?: string;
  lookupPermission: Permission;
  source?: "MANUAL" | "IMPORT" | "SELF_REGISTRATION";
}) {
  const { actor } = options;

  const duplicates: ConstructorParameters<typeof DuplicatesFoundError>[0] = {};
  if ("input" in options.organization && !options.organization.allowSimilar) {
    const organizations = await findOrganizationDuplicates(actor, options.organization.input.name);
    if (organizations.length) duplicates.organizations = organizations;
  }
  if ("input" in options.person) {
    const organizationId = "existingId" in options.organization ? options.organization.existingId : undefined;
    const people = await findPersonDuplicates(actor, { ...options.person.input, organizationId });
    if (people.some((candidate) => candidate.reason === "email") || (people.length && !options.person.allowSimilar))
      duplicates.people = people;
  }
  if (duplicates.people || duplicates.organizations) throw new DuplicatesFoundError(duplicates);

  return db.$transaction(async (tx) => {
    const organizationId =
      "existingId" in options.organization
        ? (await findOrganizationInScopeOrThrow(tx, actor, options.organization.existingId, options.lookupPermission)).id
        : (
            await tx.organization.create({
              data: { ...options.organization.input, normalizedName: organizationNameKey(options.organization.input.name) },
              select: { id: true },
            })
          ).id;
    await tx.networkMembership.upsert({
      where: { networkId_organizationId: { networkId: options.networkId, organizationId } },
      create: { networkId: options.networkId, organizationId },
      update: {},
    });

    const personId =
      "existingId" in options.person
        ? (await findPersonInScopeOrThrow(tx, actor, options.person.existingId, options.lookupPermission)).id
        : (await insertPerson(tx, actor.userId, options.person.input)).id;
    await tx.affiliation.upsert({
      where: { personId_organizationId: { personId, organizationId } },
      create: { personId, organizationId, title: options.title },
      update: {},
    });

    const already = await tx.enrollment.findUnique({
      where: { personId_generationId_networkId: { personId, generationId: options.generationId, networkId: options.networkId } },
      select: { id: true },
    });
    if (already) throw new AppError("CONFLICT", "Already enrolled", { field: "enrollment", enrollmentId: already.id });
    const enrollment = await tx.enrollment.create({
      data: {
        personId,
        organizationId,
        generationId: options.generationId,
        networkId: options.networkId,
        registeredById: actor.userId,
        source: "MANUAL",
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "enrollment.created", targetType: "enrollment", targetId: enrollment.id });
    return { enrollmentId: enrollment.id, personId, organizationId };
  });
}
