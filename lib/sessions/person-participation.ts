import "server-only";
import { db } from "@/lib/db";
import { computeGenerationFacts } from "@/lib/totals/compute-generation-facts";

/**
 * Per generation a person takes part in: the held sessions expected of them, how many they
 * attended, and whether that meets the generation's completion rule. The figures come from the
 * totals statement itself (compute-generation-facts.ts, narrowed to this person), so the person
 * page and the generation's totals apply the same rules: participants only, sessions pending
 * attendance left out, nothing expected before the day they joined.
 * The caller has already checked the person is in scope.
 */
export async function getPersonParticipation(personId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { personId, status: { not: "WITHDRAWN" } },
    select: { generationId: true, role: true, generation: { select: { name: true, completionPercent: true } } },
    distinct: ["generationId"],
    orderBy: { registeredAt: "asc" },
  });
  return Promise.all(
    enrollments.map(async ({ generationId, role, generation }) => {
      const facts = await computeGenerationFacts(generationId, generation.completionPercent, { personId });
      return {
        generationId,
        name: generation.name,
        role,
        held: facts.expected,
        attended: facts.attended,
        pending: facts.pendingSessions,
        completed: facts.completed > 0,
        completionPercent: generation.completionPercent,
      };
    }),
  );
}
