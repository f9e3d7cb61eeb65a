import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

/** Changes the actor's own password and signs out every other browser they had. */
export async function changeOwnPassword(options: { actor: Actor; currentPassword: string; newPassword: string }) {
  const user = await db.user.findUnique({ where: { id: options.actor.userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new AppError("VALIDATION", "Current password is wrong", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.actor.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.authSession.deleteMany({ where: { userId: options.actor.userId, id: { not: options.actor.sessionId } } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "user.password.changed",
      targetType: "user",
      targetId: options.actor.userId,
    });
  });
}

export async function setOwnLocale(options: { actor: Actor; locale: Locale }) {
  await db.user.update({ where: { id: options.actor.userId }, data: { locale: options.locale } });
}
