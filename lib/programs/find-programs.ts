import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Programs the actor may read; a user without grants gets none. */
export async function findPrograms(options: { actor: Actor }) {
  const scope = scopeOf(options.actor, "read:program");
  return db.program.findMany({
    where: scope.all ? {} : { id: { in: scope.programIds } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Every program, for an admin choosing a grant's scope. */
export async function findProgramOptions(options: { actor: Actor }) {
  const scope = scopeOf(options.actor, "manage:users");
  if (!scope.all) return [];
  return db.program.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
