import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clearLoginFailures, recordLoginFailure, secondsUntilLoginAllowed } from "./login-limiter";
import { hashForUnknownUser, verifyPassword } from "./password";
import { createAuthSession } from "./sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Checks an email and password and opens a session. Every failure — unknown
 * email, wrong password, deactivated user — is the same INVALID_CREDENTIALS,
 * so the answer never tells whether an account exists.
 */
export async function authenticate(input: { email: string; password: string; ip: string }) {
  const email = input.email.trim().toLowerCase();
  const retryAfterSeconds = await secondsUntilLoginAllowed(email, input.ip);
  if (retryAfterSeconds > 0) {
    logger.warn({ event: "auth.login.locked", account: fingerprint(email) }, "sign-in refused: too many failures");
    await recordAuditEvent(db, {
      actorId: null,
      action: "auth.locked-out",
      targetType: "account",
      targetId: fingerprint(email),
      data: { address: input.ip, retryAfterSeconds },
    });
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins", { retryAfterSeconds });
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, deactivatedAt: true } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), input.password);

  if (!user || !user.passwordHash || !passwordMatches || user.deactivatedAt) {
    await recordLoginFailure(email, input.ip);
    logger.info({ event: "auth.login.failed", account: fingerprint(email) }, "sign-in failed");
    // The account as a fingerprint, never the email typed (it may be anyone's, or a password typed in the wrong box).
    await recordAuditEvent(db, {
      actorId: null,
      action: "auth.sign-in-failed",
      targetType: "account",
      targetId: fingerprint(email),
      data: { address: input.ip },
    });
    throw new AppError("INVALID_CREDENTIALS");
  }

  await clearLoginFailures(email, input.ip);
  const sessionId = await createAuthSession(user.id);
  await recordAuditEvent(db, {
    actorId: user.id,
    action: "auth.signed-in",
    targetType: "user",
    targetId: user.id,
    data: { address: input.ip },
  });
  logger.info({ event: "auth.login.succeeded", userId: user.id }, "signed in");
  return { userId: user.id, sessionId };
}

// Lets operators correlate failures for one account without logging the email itself.
function fingerprint(email: string) {
  return createHash("sha256").update(email).digest("hex").slice(0, 12);
}
