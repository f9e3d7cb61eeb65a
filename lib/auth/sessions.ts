import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "./permissions";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createAuthSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.authSession.create({
    data: { id, userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

/**
 * The signed-in user behind a session id, or null when the session was revoked,
 * has expired, or its user was deactivated. Runs on every request, so that
 * revocation takes effect immediately.
 */
export async function findActorBySessionId(sessionId: string): Promise<Actor | null> {
  const session = await db.authSession.findFirst({
    where: { id: sessionId, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    select: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          grants: { select: { role: true, programId: true, networkId: true } },
        },
      },
    },
  });
  // The user can vanish between the two reads Prisma makes for a relation (deleted mid-request).
  const user = session?.user as (NonNullable<typeof session>["user"] | null) | undefined;
  if (!user) return null;
  return { userId: user.id, sessionId, email: user.email, name: user.name, locale: user.locale, grants: user.grants };
}

export async function revokeSession(sessionId: string) {
  await db.authSession.deleteMany({ where: { id: sessionId } });
}

/** Signs a user out everywhere, optionally keeping the browser that asked. */
export async function revokeUserSessions(userId: string, options: { except?: string } = {}) {
  await db.authSession.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
}
