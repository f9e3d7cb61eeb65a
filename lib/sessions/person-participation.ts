import "server-only";
import { db } from "@/lib/db";
import { ATTENDED } from "@/lib/totals/participation-rule";

/**
 * Per generation a person is enrolled in: held sessions meant for their
 * networks, how many they attended, and whether that meets the generation's
 * completion rule. The caller has already checked the person is in scope.
 */
export async function getPersonParticipation(personId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { personId, status: { not: "WITHDRAWN" } },
    select: { generationId: true, networkId: true, generation: { select: { name: true, completionPercent: true } } },
  });
  const byGeneration = new Map<string, { name: string; completionPercent: number; networkIds: string[] }>();
  for (const enrollment of enrollments) {
    const entry = byGeneration.get(enrollment.generationId) ?? {
      name: enrollment.generation.name,
      completionPercent: enrollment.generation.completionPercent,
      networkIds: [],
    };
    entry.networkIds.push(enrollment.networkId);
    byGeneration.set(enrollment.generationId, entry);
  }
  return Promise.all(
    [...byGeneration.entries()].map(async ([generationId, entry]) => {
      const meantForThem = {
        status: "HELD" as const,
        workshop: { generationId },
        OR: [{ allNetworks: true }, { networks: { some: { networkId: { in: entry.networkIds } } } }],
      };
      const [held, attended] = await Promise.all([
        db.session.count({ where: meantForThem }),
        db.attendance.count({ where: { personId, status: { in: [...ATTENDED] }, session: meantForThem } }),
      ]);
      return {
        generationId,
        name: entry.name,
        held,
        attended,
        completed: held > 0 && attended * 100 >= held * entry.completionPercent,
        completionPercent: entry.completionPercent,
      };
    }),
  );
}
