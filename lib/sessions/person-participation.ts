import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { enrollmentScope, personScope } from "@/lib/registry/scope";
import { computeGenerationFacts } from "@/lib/totals/compute-generation-facts";

/**
 * Per generation a person takes part in: the held sessions expected of them, how many they
 * attended, and whether that meets the generation's completion rule. The figures come from the
 * totals statement itself (compute-generation-facts.ts, narrowed to this person), so the person
 * page and the generation's totals apply the same rules: participants only, sessions pending
 * attendance left out, nothing expected before the day they joined.
 * Only a person in the actor's scope, and only the generations the actor may see them in: a
 * liaison sees their network's, not what the same person does elsewhere.
 */
export async function getPersonParticipation(options: { actor: Actor; personId: string }) {
  assertCan(options.actor, "read:personal-data");
  const enrollments = await db.enrollment.findMany({
    where: {
      AND: [
        { personId: options.personId, status: { not: "WITHDRAWN" }, person: personScope(options.actor) },
        enrollmentScope(options.actor),
      ],
    },
    select: { generationId: true, role: true, generation: { select: { name: true, completionPercent: true } } },
    distinct: ["generationId"],
    orderBy: { registeredAt: "asc" },
  });
  return Promise.all(
    enrollments.map(async ({ generationId, role, generation }) => {
      const facts = await computeGenerationFacts(generationId, generation.completionPercent, { personId: options.personId });
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
