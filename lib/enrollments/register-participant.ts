import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findOrganizationInScopeOrThrow } from "@/lib/organizations/save-organization";
import { findPersonInScopeOrThrow, insertPerson } from "@/lib/people/save-person";
import { lockPersonKeys, peopleSharingStrongBlocks } from "@/lib/matching/match-blocks";
import { assertNoDuplicates } from "@/lib/registry/duplicates";
import type { OrganizationInput, PersonInput } from "@/lib/registry/fields";
import { assertCanEnroll } from "./enrollment-access";
import type { EnrollmentRoleValue } from "./enrollment-roles";

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
  /** Joined after the start: expected only at sessions from this day on. */
  joinedOn?: Date;
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
  role?: EnrollmentRoleValue;
  /** Joined after the start: expected only at sessions from this day on. */
  joinedOn?: Date;
}) {
  const { actor } = options;
  const newPerson = "input" in options.person ? options.person.input : undefined;

  // The duplicate check reads what is committed; two submissions of one person at once would both pass it. So the
  // write locks the person's email, phone and name (as it sounds) and, if someone sharing them was registered since
  // the check began, checks again: the second submission then meets the first's person.
  for (let attempt = 1; ; attempt++) {
    const before = newPerson ? await peopleSharingStrongBlocks(db, newPerson) : new Set<string>();
    await assertRegistrationHasNoDuplicates(actor, options);
    try {
      return await writeRegistration(options, async (tx) => {
        if (!newPerson) return;
        await lockPersonKeys(tx, newPerson);
        const now = await peopleSharingStrongBlocks(tx, newPerson);
        if ([...now].some((id) => !before.has(id))) throw new RegisteredMeanwhile();
      });
    } catch (error) {
      if (!(error instanceof RegisteredMeanwhile)) throw error;
      if (attempt === 3) throw new AppError("CONFLICT", "Registered meanwhile, try again");
    }
  }
}

class RegisteredMeanwhile extends Error {}

async function writeRegistration(
  options: Parameters<typeof performRegistration>[0],
  beforeWriting: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  const { actor } = options;
  return db.$transaction(async (tx) => {
    await beforeWriting(tx);
    const organizationId =
      "existingId" in options.organization
        ? (await findOrganizationInScopeOrThrow(tx, actor, options.organization.existingId, options.lookupPermission)).id
        : (
            await tx.organization.create({
              data: options.organization.input,
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
        role: options.role ?? "PARTICIPANT",
        joinedOn: options.joinedOn ?? null,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: actor.userId, action: "enrollment.created", targetType: "enrollment", targetId: enrollment.id });
    return { enrollmentId: enrollment.id, personId, organizationId };
  });
}

/** The registry's duplicate check (lib/registry/duplicates.ts) for a registration through a network: registration form and walk-ins. */
export async function assertRegistrationHasNoDuplicates(
  actor: Actor,
  options: { networkId: string; person: PersonChoice; organization: OrganizationChoice },
) {
  const organizationId = "existingId" in options.organization ? options.organization.existingId : undefined;
  await assertNoDuplicates(actor, {
    organization:
      "input" in options.organization
        ? {
            input: { ...options.organization.input, networkId: options.networkId },
            allowSimilar: options.organization.allowSimilar,
          }
        : undefined,
    person:
      "input" in options.person
        ? {
            input: { ...options.person.input, organizationId, networkId: options.networkId },
            allowSimilar: options.person.allowSimilar,
          }
        : undefined,
  });
}
