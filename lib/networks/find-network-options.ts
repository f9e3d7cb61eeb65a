import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Every network, for an admin choosing a liaison grant's scope. */
export async function findNetworkOptions(options: { actor: Actor }) {
  if (!scopeOf(options.actor, "manage:users").all) return [];
  return db.network.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
