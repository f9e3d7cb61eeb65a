import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { generationScope } from "@/lib/registry/scope";

export const generationListSelect = {
  id: true,
  number: true,
  name: true,
  status: true,
  startDate: true,
  endDate: true,
  program: { select: { id: true, name: true } },
} as const;

/** Generations whose aggregates the actor may read (every role with a program or network grant). */
export async function findGenerations(options: { actor: Actor; programId?: string }) {
  return db.generation.findMany({
    where: { AND: [generationScope(options.actor), { deactivatedAt: null }, options.programId ? { programId: options.programId } : {}] },
    select: generationListSelect,
    orderBy: [{ program: { name: "asc" } }, { number: "asc" }],
  });
}
