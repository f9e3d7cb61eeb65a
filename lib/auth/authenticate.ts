import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clearLoginFailures, recordLoginFailure, secondsUntilLoginAllowed } from "./login-limiter";
import { hashForUnknownUser, verifyPassword } from "./password";
import { createAuthSession } from "./sessions";

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
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins", { retryAfterSeconds });
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, deactivatedAt: true } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), input.password);

  if (!user || !user.passwordHash || !passwordMatches || user.deactivatedAt) {
    await recordLoginFailure(email, input.ip);
    logger.info({ event: "auth.login.failed", account: fingerprint(email) }, "sign-in failed");
    throw new AppError("INVALID_CREDENTIALS");
  }

  await clearLoginFailures(email, input.ip);
  const sessionId = await createAuthSession(user.id);
  logger.info({ event: "auth.login.succeeded", userId: user.id }, "signed in");
  return { userId: user.id, sessionId };
}

// Lets operators correlate failures for one account without logging the email itself.
function fingerprint(email: string) {
  return createHash("sha256").update(email).digest("hex").slice(0, 12);
}
