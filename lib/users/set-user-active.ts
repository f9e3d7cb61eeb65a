import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Deactivation signs the user out everywhere at once; their records stay. */
export async function deactivateUser(options: { actor: Actor; userId: string }) {
  assertCan(options.actor, "manage:users");
  if (options.userId === options.actor.userId) throw new AppError("CONFLICT", "Cannot deactivate yourself");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: options.userId, deactivatedAt: null },
      data: { deactivatedAt: new Date() },
    });
    if (updated.count === 0) await assertExists(tx, options.userId);
    await tx.authSession.deleteMany({ where: { userId: options.userId } });
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "user.deactivated", targetType: "user", targetId: options.userId });
  });
}

export async function reactivateUser(options: { actor: Actor; userId: string }) {
  assertCan(options.actor, "manage:users");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: options.userId, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (updated.count === 0) await assertExists(tx, options.userId);
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "user.reactivated", targetType: "user", targetId: options.userId });
  });
}

async function assertExists(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], userId: string) {
  if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
}
