import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { enrollmentScope } from "@/lib/registry/scope";

export async function setEnrollmentStatus(options: { actor: Actor; enrollmentId: string; status: EnrollmentStatus }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findFirst({
      where: { AND: [{ id: options.enrollmentId }, enrollmentScope(options.actor, "manage:registry")] },
      select: { id: true, status: true, personId: true },
    });
    if (!enrollment) throw new AppError("NOT_FOUND");
    await tx.enrollment.update({ where: { id: enrollment.id }, data: { status: options.status } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "enrollment.status-changed",
      targetType: "enrollment",
      targetId: enrollment.id,
      data: { from: enrollment.status, to: options.status },
    });
  });
}
