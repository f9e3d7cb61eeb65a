import "server-only";
import { can, scopeOf, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
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

/**
 * Which imports an actor may open: every import of the programs they coordinate, and the ones they
 * uploaded themselves. A file names people of any network, so a liaison never opens a coordinator's
 * draft, even for a generation they import into. Part of every lookup's `where`: out of scope is not found.
 */
export function importScopeWhere(actor: Actor): Prisma.ParticipantImportWhereInput {
  const scope = scopeOf(actor, "manage:registry");
  if (scope.all) return {};
  return { OR: [{ generation: { programId: { in: scope.programIds } } }, { uploadedById: actor.userId }] };
}

/**
 * An import the actor may open, with its generation as the actor may import into it (and its
 * networks): NOT_FOUND otherwise. The one way lib/imports finds an import by id.
 */
export async function getImportInScopeOrThrow<Select extends Prisma.ParticipantImportSelect>(
  actor: Actor,
  importId: string,
  select: Select,
) {
  const draft = (await db.participantImport.findFirst({
    where: { id: importId, ...importScopeWhere(actor) },
    select: { ...select, id: true, generationId: true } as Prisma.ParticipantImportSelect,
  })) as Prisma.ParticipantImportGetPayload<{ select: Select & { id: true; generationId: true } }> | null;
  if (!draft) throw new AppError("NOT_FOUND");
  const target = await getImportTargetOrThrow(actor, (draft as { generationId: string }).generationId);
  return { draft, target };
}
