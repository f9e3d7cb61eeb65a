import "server-only";
import { can, scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The generation an actor may import into, and through which of its networks:
 * a coordinator of the program through all of them, a liaison only through
 * their own. Anyone else finds nothing.
 */
export async function getImportTargetOrThrow(actor: Actor, generationId: string) {
  const generation = await db.generation.findFirst({
    where: { id: generationId, deactivatedAt: null },
    select: {
      id: true,
      name: true,
      programId: true,
      networks: {
        where: { network: { deactivatedAt: null } },
        select: { network: { select: { id: true, name: true, shortName: true, states: true } } },
      },
    },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const wholeProgram = can(actor, "manage:registry", { programId: generation.programId });
  const scope = scopeOf(actor, "manage:registry");
  const networks = generation.networks
    .map(({ network }) => network)
    .filter((network) => wholeProgram || (!scope.all && scope.networkIds.includes(network.id)));
  if (!networks.length) throw new AppError("NOT_FOUND");
  return { id: generation.id, name: generation.name, programId: generation.programId, networks, wholeProgram };
}
