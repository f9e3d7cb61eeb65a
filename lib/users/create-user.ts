import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { addGrant, type GrantInput } from "./grants";
import { issueInvitation } from "./invitations";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";

/**
 * Creates a user with an optional first grant and returns a one-time invitation
 * token with which they choose their own password. All or nothing.
 */
export async function createUser(options: { actor: Actor; email: string; name: string; locale: Locale; grant?: GrantInput }) {
  assertCan(options.actor, "manage:users");
  await assertWithinRateLimit({ actor: options.actor, limit: "invitation" });
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: options.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "Email already registered", { field: "email", userId: existing.id });
    const user = await tx.user.create({
      data: { email: options.email, name: options.name, locale: options.locale },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "user.created", targetType: "user", targetId: user.id });
    if (options.grant) await addGrant(tx, user.id, options.grant, options.actor.userId);
    const invitationToken = await issueInvitation(tx, user.id, options.actor.userId);
    return { userId: user.id, invitationToken };
  });
}
