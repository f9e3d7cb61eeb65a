import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./next-auth";
import type { Actor } from "./permissions";
import { findActorBySessionId } from "./sessions";

/** The signed-in user for this request, or null. Checked against the database once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return findActorBySessionId(session.sessionId);
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For route handlers and server actions that answer instead of redirecting. */
export async function getActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
