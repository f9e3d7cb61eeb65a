import type { Prisma } from "@/lib/db";

/**
 * THE rule for who counts in a generation's totals, in one place. Until
 * attendance exists, a person counts when enrolled and not withdrawn (and the
 * person record is active). The attendance issue replaces this with "present
 * or late at at least one held session".
 */
export const PARTICIPATION_RULE = "enrolled-not-withdrawn" as const;

export function countedEnrollmentWhere(generationId: string): Prisma.EnrollmentWhereInput {
  return {
    generationId,
    status: { not: "WITHDRAWN" },
    person: { deactivatedAt: null },
    organization: { deactivatedAt: null },
    network: { deactivatedAt: null },
  };
}

/** The same rule for a single enrollment already in memory. */
export function countsAsParticipant(enrollment: {
  status: string;
  personActive: boolean;
  organizationActive: boolean;
  networkActive: boolean;
}): boolean {
  return enrollment.status !== "WITHDRAWN" && enrollment.personActive && enrollment.organizationActive && enrollment.networkActive;
}
