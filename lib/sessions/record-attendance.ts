import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AttendanceSource, AttendanceStatus } from "@/lib/generated/prisma/enums";
import { isOnRoster, rosterEnrollments } from "./roster";
import { sessionRecordScope } from "./scope";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export type AttendanceValue = { status: AttendanceStatus; minutes: number | null; note: string | null; version: number };

/** Someone else saved this row first; `current` is what is stored now. */
export class StaleAttendanceError extends AppError {
  constructor(readonly current: AttendanceValue | null) {
    super("CONFLICT", "Attendance was changed by someone else", { field: "version", current, messageKey: "attendance.stale" });
  }
}

export async function findRecordableSessionOrThrow(client: Pick<Prisma.TransactionClient, "session">, actor: Actor, sessionId: string) {
  const session = await client.session.findFirst({
    where: { AND: [{ id: sessionId }, sessionRecordScope(actor)] },
    select: { id: true, status: true, startsAt: true, endsAt: true, presentPercent: true, lateAfterMinutes: true },
  });
  if (!session) throw new AppError("NOT_FOUND");
  return session;
}

/**
 * Saves one person's attendance. `expectedVersion` is the version the editor
 * saw (0 when there was no row): if it changed meanwhile, nothing is written and
 * the current value comes back, so two editors never overwrite each other silently.
 */
export async function recordAttendance(options: {
  actor: Actor;
  sessionId: string;
  personId: string;
  status: AttendanceStatus;
  minutes?: number | null;
  note?: string | null;
  expectedVersion: number;
  source?: AttendanceSource;
}): Promise<AttendanceValue> {
  await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  if (!(await isOnRoster(db, options.sessionId, options.personId))) throw new AppError("NOT_FOUND", "Not on the roster");
  const data = {
    status: options.status,
    minutes: options.minutes ?? null,
    note: options.note ?? null,
    source: options.source ?? "MANUAL",
    updatedById: options.actor.userId,
  };
  const select = { status: true, minutes: true, note: true, version: true } as const;

  // The mark, the participation facts its triggers keep, and its audit entry: all or nothing.
  const saved = await db.$transaction(async (tx) => {
    const [value] =
      options.expectedVersion === 0
        ? await tx.attendance.createManyAndReturn({
            data: [{ sessionId: options.sessionId, personId: options.personId, ...data }],
            skipDuplicates: true,
            select,
          })
        : await tx.attendance.updateManyAndReturn({
            where: { sessionId: options.sessionId, personId: options.personId, version: options.expectedVersion },
            data: { ...data, version: { increment: 1 } },
            select,
          });
    if (value) await audit(tx, options, value);
    return value;
  });
  if (saved) return saved;
  const current = await db.attendance.findUnique({
    where: { sessionId_personId: { sessionId: options.sessionId, personId: options.personId } },
    select,
  });
  throw new StaleAttendanceError(current);
}

// Who changed which mark, and to what (ids and the status, never names): the audit log (lib/audit).
async function audit(
  tx: Prisma.TransactionClient,
  options: { actor: Actor; sessionId: string; personId: string; source?: AttendanceSource },
  value: AttendanceValue,
) {
  await recordAuditEvent(tx, {
    actorId: options.actor.userId,
    action: "attendance.marked",
    targetType: "session",
    targetId: options.sessionId,
    data: { personId: options.personId, status: value.status, version: value.version, source: options.source ?? "MANUAL" },
  });
}

/** Everyone on the roster without a mark yet becomes present; marks already made are kept. One transaction. */
export async function markAllPresent(options: { actor: Actor; sessionId: string }) {
  return db.$transaction(async (tx) => {
    await findRecordableSessionOrThrow(tx, options.actor, options.sessionId);
    const roster = await rosterEnrollments(tx, options.sessionId);
    const created = await tx.attendance.createMany({
      data: roster.map((row) => ({
        sessionId: options.sessionId,
        personId: row.personId,
        status: "PRESENT" as const,
        updatedById: options.actor.userId,
      })),
      skipDuplicates: true,
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "attendance.marked-all-present",
      targetType: "session",
      targetId: options.sessionId,
      data: { marked: created.count },
    });
    return { marked: created.count };
  });
}
