import "server-only";
import { randomBytes } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findRecordableSessionOrThrow } from "./record-attendance";
import { rosterEnrollments } from "./roster";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_EARLY_MINUTES = 30;
const ATTEMPTS_PER_IP = 20;

let limiter: RateLimiterPrisma | undefined;
const checkInLimiter = () =>
  (limiter ??= new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: "check-in:ip",
    points: ATTEMPTS_PER_IP,
    duration: 15 * 60,
    clearExpiredByTimeout: false,
  }));

/** Gives a session a self check-in code (kept if it has one). */
export async function openCheckIn(options: { actor: Actor; sessionId: string }) {
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  const current = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { checkInCode: true } });
  if (current.checkInCode) return current.checkInCode;
  // Eight characters from an alphabet without look-alikes, easy to type from a projected slide.
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const code = Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join("");
  await db.session.update({ where: { id: session.id }, data: { checkInCode: code } });
  return code;
}

export async function findCheckInSession(code: string) {
  return db.session.findUnique({
    where: { checkInCode: code.toUpperCase() },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      lateAfterMinutes: true,
      workshop: { select: { title: true, generation: { select: { name: true } } } },
    },
  });
}

/** Whether self check-in takes marks at `now`: from 30 minutes before the start until the end. */
export function checkInWindow(session: { startsAt: Date; endsAt: Date }, now = new Date()): "not-open-yet" | "open" | "closed" {
  if (now.getTime() < session.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000) return "not-open-yet";
  return now > session.endsAt ? "closed" : "open";
}

export type CheckInOutcome = "present" | "late" | "already" | "not-on-roster" | "closed" | "not-open-yet" | "rate-limited" | "unknown-code";

/**
 * What happened, and for a mark, whose: given names and the first surname's initial ("Ana María L."), so a
 * participant who typed someone else's email sees it, without the page handing out a whole name.
 */
export type CheckInResult = { outcome: CheckInOutcome; name?: string };

/**
 * A participant marks themself present from their phone: the code must be
 * valid, the session open (30 minutes before the start until the end), and the
 * email on the roster. Manual marks already made are left alone. Rate-limited by address.
 */
export async function checkIn(options: { code: string; email: string; ip: string; now?: Date }): Promise<CheckInResult> {
  try {
    await checkInLimiter().consume(options.ip);
  } catch (error) {
    if (error instanceof RateLimiterRes) return { outcome: "rate-limited" };
    throw error;
  }
  const session = await findCheckInSession(options.code);
  if (!session || session.status === "CANCELLED") return { outcome: "unknown-code" };
  const now = options.now ?? new Date();
  const window = checkInWindow(session, now);
  if (window !== "open") return { outcome: window };

  // The email as the matcher reads it (email_match_key: case, and Gmail's dots and +tags, do not matter); an inbox
  // several people of the roster share names nobody in particular.
  const roster = await rosterEnrollments(db, session.id);
  const owners = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM people WHERE id = ANY(${roster.map((row) => row.personId)}::text[]) AND "emailKey" = email_match_key(${options.email})`;
  const person = owners.length === 1 ? roster.find((row) => row.personId === owners[0]!.id) : undefined;
  if (!person) return { outcome: "not-on-roster" };
  const name = `${person.person.givenNames} ${person.person.firstSurname.charAt(0)}.`;
  const late = now.getTime() > session.startsAt.getTime() + session.lateAfterMinutes * 60_000;
  const created = await db.attendance.createMany({
    data: [{ sessionId: session.id, personId: person.personId, status: late ? "LATE" : "PRESENT", source: "CHECK_IN" }],
    skipDuplicates: true,
  });
  if (created.count)
    await recordAuditEvent(db, {
      actorId: null,
      action: "attendance.checked-in",
      targetType: "session",
      targetId: session.id,
      data: { personId: person.personId, status: late ? "LATE" : "PRESENT", address: options.ip },
    });
  return { outcome: created.count ? (late ? "late" : "present") : "already", name };
}

export function assertCheckInInput(code: string) {
  if (!/^[A-Z0-9]{6,12}$/i.test(code)) throw new AppError("NOT_FOUND");
}
