import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationScope, networkScope } from "@/lib/registry/scope";
import { generationListSelect } from "./find-generations";

/** A generation the actor may read, with its participating networks. */
export async function getGeneration(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: {
      ...generationListSelect,
      updatedAt: true,
      networks: {
        select: {
          network: { select: { id: true, name: true, states: true, convener: { select: { id: true, name: true, shortName: true } } } },
        },
        orderBy: { network: { name: "asc" } },
      },
    },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const { networks, ...rest } = generation;
  return {
    ...rest,
    networks: networks.map((entry) => entry.network),
    canRegister:
      can(options.actor, "manage:registry", { programId: generation.program.id }) ||
      networks.some((n) => can(options.actor, "manage:registry", { networkId: n.network.id })),
  };
}

/** The generation's networks where the actor may register participants. */
export async function findRegistrableNetworks(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor, "manage:registry")] },
    select: { programId: true },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const programWide = can(options.actor, "manage:registry", { programId: generation.programId });
  return db.network.findMany({
    where: {
      AND: [
        { deactivatedAt: null, generations: { some: { generationId: options.generationId } } },
        programWide ? {} : networkScope(options.actor, "manage:registry"),
      ],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
