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

  await assertRegistrationHasNoDuplicates(options.actor, options);

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
