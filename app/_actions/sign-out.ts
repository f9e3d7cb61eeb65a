"use server";

import { getActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/sessions";

export async function signOutAction() {
  const actor = await getActor();
  // Revoke first: a copy of the cookie must stop working even if clearing it fails.
  if (actor) await revokeSession(actor.sessionId);
  await signOut({ redirectTo: "/login" });
}
