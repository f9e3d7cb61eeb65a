import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

const PREFIX = "tej_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a personal API token; the plain token is returned once and never stored. */
export async function createApiToken(options: { actor: Actor; name: string }) {
  await assertWithinRateLimit({ actor: options.actor, limit: "api-token" });
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await db.apiToken.create({
    data: { userId: options.actor.userId, name: options.name, tokenHash: hashToken(token) },
    select: { id: true },
  });
  await recordAuditEvent(db, { actorId: options.actor.userId, action: "api-token.created", targetType: "apiToken", targetId: created.id });
  return token;
}

export async function findApiTokens(options: { actor: Actor }) {
  return db.apiToken.findMany({
    where: { userId: options.actor.userId, revokedAt: null },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(options: { actor: Actor; tokenId: string }) {
  const revoked = await db.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (!revoked.count) throw new AppError("NOT_FOUND");
  await recordAuditEvent(db, {
    actorId: options.actor.userId,
    action: "api-token.revoked",
    targetType: "apiToken",
    targetId: options.tokenId,
  });
}

/** The token's owner as an actor, with exactly their current grants; null when unknown, revoked or the owner is deactivated. */
export async function findActorByApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX)) return null;
  const found = await db.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null, user: { deactivatedAt: null } },
    select: {
      id: true,
      lastUsedAt: true,
      user: {
        select: { id: true, email: true, name: true, locale: true, grants: { select: { role: true, programId: true, networkId: true } } },
      },
    },
  });
  if (!found) return null;
  // Recording use at most once a minute keeps reads from turning into writes on every call.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = found;
  return { userId: user.id, sessionId: `token:${found.id}`, email: user.email, name: user.name, locale: user.locale, grants: user.grants };
}
