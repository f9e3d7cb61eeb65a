import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  assertRegistrationHasNoDuplicates,
  performRegistration,
  type OrganizationChoice,
  type PersonChoice,
} from "@/lib/enrollments/register-participant";
import type { EnrollmentRoleValue } from "@/lib/enrollments/enrollment-roles";
import { findRecordableSessionOrThrow } from "./record-attendance";
import { audienceNetworkIds } from "./roster";

/**
 * Someone who came but is not on the roster: find or create them (with the
 * registry's duplicate warning), enroll them through one of the session's
 * networks, and mark them present. Whoever may record the session may do this.
 * A participant joins from this session on (expected at it and the ones after); a guest,
 * speaker, observer or staff member is marked without counting as a participant, and may come
 * from the network's convening foundation instead of a new organization.
 */
export async function addWalkIn(options: {
  actor: Actor;
  sessionId: string;
  networkId: string;
  person: PersonChoice;
  organization: OrganizationChoice | "convener";
  role?: EnrollmentRoleValue;
}) {
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  const audience = await audienceNetworkIds(db, session.id);
  if (!audience?.networkIds.includes(options.networkId))
    throw new AppError("VALIDATION", "Not a network of this session", { field: "networkId" });
  const role = options.role ?? "PARTICIPANT";
  let organization: OrganizationChoice;
  if (options.organization === "convener") {
    const network = await db.network.findUniqueOrThrow({ where: { id: options.networkId }, select: { convenerOrganizationId: true } });
    if (role === "PARTICIPANT" || !network.convenerOrganizationId)
      throw new AppError("VALIDATION", "No convening foundation for a participant", { field: "organizationId" });
    organization = { existingId: network.convenerOrganizationId };
  } else organization = options.organization;

  await assertRegistrationHasNoDuplicates(options.actor, { ...options, organization });

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
      organization,
      lookupPermission: "read:personal-data",
      role,
      // The session they walked into is the first one expected of them.
      joinedOn: session.startsAt,
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
