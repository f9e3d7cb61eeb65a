import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";

const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a one-time link token. Only its hash is stored; the token is shown once to the admin. */
export async function issueInvitation(tx: Prisma.TransactionClient, userId: string, createdById: string) {
  const token = randomBytes(32).toString("base64url");
  // A new link replaces any earlier one that is still open.
  await tx.invitation.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: new Date() } });
  await tx.invitation.create({
    data: {
      userId,
      createdById,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  return token;
}

/** A new link for an existing user to (re)set their password. */
export async function createInvitation(options: { actor: Actor; userId: string }) {
  assertCan(options.actor, "manage:users");
  await assertWithinRateLimit({ actor: options.actor, limit: "invitation" });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { id: true, deactivatedAt: true } });
    if (!user) throw new AppError("NOT_FOUND");
    if (user.deactivatedAt) throw new AppError("CONFLICT", "User is deactivated");
    const token = await issueInvitation(tx, user.id, options.actor.userId);
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "user.invitation.created", targetType: "user", targetId: user.id });
    return token;
  });
}

/** For the invitation page: who the link is for, or null when it is unknown, used or expired. */
export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { name: true, email: true, deactivatedAt: true } } },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= new Date() || invitation.user.deactivatedAt) return null;
  return { name: invitation.user.name, email: invitation.user.email };
}

/**
 * Sets the password chosen through an invitation link. The token is the
 * credential here, so no actor. Any sessions the user had are revoked.
 */
export async function acceptInvitation(options: { token: string; password: string }) {
  const passwordHash = await hashPassword(options.password);
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Claiming the row in one conditional update makes a link usable exactly once, even when submitted twice.
    const claimed = await tx.invitation.updateManyAndReturn({
      where: { tokenHash: hashToken(options.token), usedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } },
      data: { usedAt: now },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) throw new AppError("NOT_FOUND", "Invitation is unknown, used or expired");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.authSession.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { actorId: userId, action: "user.invitation.accepted", targetType: "user", targetId: userId });
  });
}
