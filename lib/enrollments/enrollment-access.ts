import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * May the actor enroll people in this generation through this network? A
 * coordinator of the program may, for any of its networks; a liaison only
 * through their own network; the network must take part in the generation.
 */
export async function assertCanEnroll(tx: Prisma.TransactionClient, actor: Actor, generationId: string, networkId: string) {
  const generation = await tx.generation.findFirst({
    where: { id: generationId, deactivatedAt: null },
    select: { programId: true, networks: { where: { networkId, network: { deactivatedAt: null } }, select: { networkId: true } } },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const allowed = can(actor, "manage:registry", { programId: generation.programId }) || can(actor, "manage:registry", { networkId });
  if (!allowed) throw new AppError("NOT_FOUND");
  if (!generation.networks.length)
    throw new AppError("VALIDATION", "The network does not take part in this generation", { field: "networkId" });
}
