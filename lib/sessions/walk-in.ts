import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { performRegistration, type OrganizationChoice, type PersonChoice } from "@/lib/enrollments/register-participant";
import { DuplicatesFoundError, findOrganizationDuplicates, findPersonDuplicates } from "@/lib/registry/duplicates";
import { findRecordableSessionOrThrow } from "./record-attendance";
import { audienceNetworkIds } from "./roster";

/**
 * Someone who came but is not on the roster: find or create them (with the
 * registry's duplicate warning), enroll them through one of the session's
 * networks, and mark them present. Whoever may record the session may do this.
 */
export async function addWalkIn(options: {
  actor: Actor;
  sessionId: string;
  networkId: string;
  person: PersonChoice;
  organization: OrganizationChoice;
}) {
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  const audience = await audienceNetworkIds(db, session.id);
  if (!audience?.networkIds.includes(options.networkId))
    throw new AppError("VALIDATION", "Not a network of this session", { field: "networkId" });

  const duplicates: ConstructorParameters<typeof DuplicatesFoundError>[0] = {};
  if ("input" in options.person) {
    const organizationId = "existingId" in options.organization ? options.organization.existingId : undefined;
    const people = await findPersonDuplicates(options.actor, { ...options.person.input, organizationId });
    if (people.some((candidate) => candidate.reason === "email") || (people.length && !options.person.allowSimilar))
      duplicates.people = people;
  }
  if ("input" in options.organization && !options.organization.allowSimilar) {
    const organizations = await findOrganizationDuplicates(options.actor, options.organization.input.name);
    if (organizations.length) duplicates.organizations = organizations;
  }
  if (duplicates.people || duplicates.organizations) throw new DuplicatesFoundError(duplicates);

  // An existing person may already be enrolled through this network: then only the mark is added.
  let personId = "existingId" in options.person ? options.person.existingId : undefined;
  const enrolled = personId
    ? await db.enrollment.findUnique({
        where: { personId_generationId_networkId: { personId, generationId: audience.generationId, networkId: options.networkId } },
        select: { id: true },
      })
    : null;
  if (!enrolled) {
    const result = await performRegistration({
      actor: options.actor,
      generationId: audience.generationId,
      networkId: options.networkId,
      person: options.person,
      organization: options.organization,
      lookupPermission: "read:personal-data",
    });
    personId = result.personId;
  }
  await db.attendance.upsert({
    where: { sessionId_personId: { sessionId: session.id, personId: personId! } },
    create: { sessionId: session.id, personId: personId!, status: "PRESENT", updatedById: options.actor.userId },
    update: { status: "PRESENT", updatedById: options.actor.userId, version: { increment: 1 } },
  });
  return { personId: personId! };
}
