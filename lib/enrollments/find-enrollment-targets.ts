import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { generationScope } from "@/lib/registry/scope";

/** Every (generation, network) pair through which the actor may enroll people, for open generations. */
export async function findEnrollmentTargets(options: { actor: Actor }) {
  const generations = await db.generation.findMany({
    where: { AND: [generationScope(options.actor, "manage:registry"), { deactivatedAt: null, status: { not: "CLOSED" } }] },
    select: {
      id: true,
      name: true,
      programId: true,
      networks: {
        where: { network: { deactivatedAt: null } },
        select: { network: { select: { id: true, name: true } } },
        orderBy: { network: { name: "asc" } },
      },
    },
    orderBy: [{ startDate: "desc" }, { number: "desc" }],
  });
  return generations.flatMap((generation) =>
    generation.networks
      .filter(({ network }) => can(options.actor, "manage:registry", { programId: generation.programId, networkId: network.id }))
      .map(({ network }) => ({
        generationId: generation.id,
        generationName: generation.name,
        networkId: network.id,
        networkName: network.name,
      })),
  );
}
