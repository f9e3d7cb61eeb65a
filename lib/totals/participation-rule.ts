import type { Prisma } from "@/lib/db";

/**
 * THE rule for who counts in a generation's totals, in one place: a person
 * counts when they were present or late at at least one held session of the
 * generation (and their enrollment is not withdrawn and the records are active).
 * "Enrolled" stays available as a second, labelled figure.
 */
export const PARTICIPATION_RULE = "attended-held-session" as const;
export const ATTENDED = ["PRESENT", "LATE"] as const;

export function enrolledWhere(generationId: string): Prisma.EnrollmentWhereInput {
  return {
    generationId,
    status: { not: "WITHDRAWN" },
    person: { deactivatedAt: null },
    organization: { deactivatedAt: null },
    network: { deactivatedAt: null },
  };
}

export function countedEnrollmentWhere(generationId: string): Prisma.EnrollmentWhereInput {
  return {
    ...enrolledWhere(generationId),
    person: {
      deactivatedAt: null,
      attendance: { some: { status: { in: [...ATTENDED] }, session: { status: "HELD", workshop: { generationId } } } },
    },
  };
}

/** The same rule for a single enrollment already in memory. */
export function countsAsParticipant(enrollment: {
  status: string;
  personActive: boolean;
  organizationActive: boolean;
  networkActive: boolean;
  heldSessionsAttended: number;
}): boolean {
  return (
    enrollment.status !== "WITHDRAWN" &&
    enrollment.personActive &&
    enrollment.organizationActive &&
    enrollment.networkActive &&
    enrollment.heldSessionsAttended > 0
  );
}
