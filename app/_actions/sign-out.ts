"use server";

import { z } from "zod";
import { publicFormAction } from "@/lib/actions/guarded-action";
import { getActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/sessions";

/** Public: signing out without a session simply lands on the sign-in page. */
export const signOutAction = publicFormAction({ schema: z.object({}) }, async () => {
  const actor = await getActor();
  // Revoke first: a copy of the cookie must stop working even if clearing it fails.
  if (actor) await revokeSession(actor.sessionId);
  await signOut({ redirectTo: "/login" });
});
