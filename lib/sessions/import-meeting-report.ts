import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { emailMatchKeys, personNameWords } from "@/lib/matching/person-name-words";
import { joinSegments, matchParticipants, parseMeetingReport, statusFor } from "./meeting-report";
import { findRecordableSessionOrThrow } from "./record-attendance";
import { rosterEnrollments } from "./roster";
import { deferParticipation, refreshParticipationAfterMarks } from "@/lib/totals/participation-upkeep";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export type UnmatchedRow = {
  name: string;
  originalName?: string;
  email?: string;
  minutes: number;
  reason: "no-match" | "ambiguous";
  status: "PRESENT" | "LATE" | "ABSENT";
  /** Set once a facilitator assigned the row to a roster person: it leaves the review list. */
  resolvedPersonId?: string;
};
/** The roster's marks by status, and who has none: what the roster's counter shows after the import. */
export type RosterCounts = Record<AttendanceStatus, number> & { unmarked: number };
export type ImportResult = {
  alreadyImported: boolean;
  matched: number;
  updated: number;
  kept: number;
  markedAbsent: number;
  unmatched: UnmatchedRow[];
  counts: RosterCounts;
};

/** Counted as the roster counts them: the marks of the people on the roster, one per person. */
async function rosterCounts(
  tx: Pick<Prisma.TransactionClient, "session" | "enrollment" | "attendance">,
  sessionId: string,
): Promise<RosterCounts> {
  const roster = await rosterEnrollments(tx, sessionId);
  const marks = await tx.attendance.groupBy({
    by: ["status"],
    where: { sessionId, personId: { in: roster.map((row) => row.personId) } },
    _count: { _all: true },
  });
  const counts: RosterCounts = { PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0, unmarked: roster.length };
  for (const mark of marks) {
    counts[mark.status] = mark._count._all;
    counts.unmarked -= mark._count._all;
  }
  return counts;
}

/**
 * Applies a participants report to a session in one transaction. Marks made by
 * hand or by self check-in are kept; roster people missing from the report and
 * not marked yet become absent. The same file again changes nothing.
 */
export async function importMeetingReport(options: {
  actor: Actor;
  sessionId: string;
  fileName: string;
  content: string;
}): Promise<ImportResult> {
  if (Buffer.byteLength(options.content) > MAX_REPORT_BYTES) throw new AppError("VALIDATION", "Report too large", { field: "report" });
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  await assertWithinRateLimit({ actor: options.actor, limit: "upload" });
  const checksum = createHash("sha256").update(options.content).digest("hex");
  const previous = await db.meetingReportImport.findUnique({
    where: { sessionId_checksum: { sessionId: session.id, checksum } },
    select: { matched: true, unmatched: true },
  });
  if (previous)
    return {
      alreadyImported: true,
      matched: previous.matched,
      updated: 0,
      kept: 0,
      markedAbsent: 0,
      unmatched: previous.unmatched as UnmatchedRow[],
      counts: await rosterCounts(db, session.id),
    };

  const sessionInfo = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { timeZone: true } });
  const participants = joinSegments(parseMeetingReport(options.content, sessionInfo.timeZone));
  if (!participants.length) throw new AppError("VALIDATION", "No participants found", { field: "report" });

  const [words, emailKeys] = await Promise.all([
    personNameWords(participants.flatMap((participant) => participant.names)),
    emailMatchKeys(participants.flatMap((participant) => (participant.email ? [participant.email] : []))),
  ]);
  return db.$transaction(async (tx) => {
    // Hundreds of marks, one statement each: the participation facts are brought up to date once, at the end.
    await deferParticipation(tx);
    const roster = await rosterEnrollments(tx, session.id);
    const { matched, unmatched } = matchParticipants(
      participants,
      roster.map((row) => ({ personId: row.personId, emailKey: row.person.emailKey, nameWords: row.person.nameWords })),
      { words: (name) => words.get(name) ?? [], emailKey: (email) => emailKeys.get(email) ?? null },
    );
    // Two report entries for one person (two devices): their minutes add up.
    const perPerson = new Map<string, { minutes: number; firstJoin?: Date }>();
    for (const { participant, personId } of matched) {
      const current = perPerson.get(personId);
      const firstJoin = [current?.firstJoin, participant.firstJoin]
        .filter((d): d is Date => Boolean(d))
        .sort((a, b) => a.getTime() - b.getTime())[0];
      perPerson.set(personId, { minutes: (current?.minutes ?? 0) + participant.minutes, firstJoin });
    }
    const existing = new Map(
      (
        await tx.attendance.findMany({
          where: { sessionId: session.id },
          select: { personId: true, source: true, status: true, minutes: true },
        })
      ).map((row) => [row.personId, row]),
    );

    let updated = 0;
    let kept = 0;
    let markedAbsent = 0;
    for (const row of roster) {
      const seen = perPerson.get(row.personId);
      const status = seen ? statusFor(seen, session) : "ABSENT";
      const minutes = seen?.minutes ?? 0;
      const current = existing.get(row.personId);
      if (current && current.source !== "MEETING_REPORT") {
        kept += 1;
        continue;
      }
      if (current && current.status === status && current.minutes === minutes) continue;
      if (!seen && current) continue;
      await tx.attendance.upsert({
        where: { sessionId_personId: { sessionId: session.id, personId: row.personId } },
        create: {
          sessionId: session.id,
          personId: row.personId,
          status,
          minutes,
          source: "MEETING_REPORT",
          updatedById: options.actor.userId,
        },
        update: { status, minutes, source: "MEETING_REPORT", updatedById: options.actor.userId, version: { increment: 1 } },
      });
      if (seen) updated += 1;
      else markedAbsent += 1;
    }
    await refreshParticipationAfterMarks(
      tx,
      [session.id],
      roster.map((row) => row.personId),
    );

    const unmatchedRows: UnmatchedRow[] = unmatched.map(({ participant, reason }) => ({
      name: participant.name,
      originalName: participant.originalName,
      email: participant.email,
      minutes: participant.minutes,
      reason,
      status: statusFor(participant, session),
    }));
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "attendance.meeting-report",
      targetType: "session",
      targetId: session.id,
      data: { matched: perPerson.size, updated, kept, markedAbsent, unmatched: unmatchedRows.length },
    });
    await tx.meetingReportImport.create({
      data: {
        sessionId: session.id,
        checksum,
        fileName: options.fileName.slice(0, 200),
        importedById: options.actor.userId,
        matched: perPerson.size,
        unmatched: unmatchedRows,
      },
    });
    return {
      alreadyImported: false,
      matched: perPerson.size,
      updated,
      kept,
      markedAbsent,
      unmatched: unmatchedRows,
      counts: await rosterCounts(tx, session.id),
    };
  });
}

/**
 * The rows of the latest report of a session still to resolve, with their place in the report (`row`),
 * for whoever records the session (they hold names and emails of people not on the roster): NOT_FOUND otherwise.
 */
export async function findLatestUnmatched(options: { actor: Actor; sessionId: string }): Promise<Array<UnmatchedRow & { row: number }>> {
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  const latest = await db.meetingReportImport.findFirst({
    where: { sessionId: session.id },
    orderBy: { createdAt: "desc" },
    select: { unmatched: true },
  });
  return ((latest?.unmatched as UnmatchedRow[] | undefined) ?? [])
    .map((row, index) => ({ ...row, row: index }))
    .filter((row) => !row.resolvedPersonId);
}

/**
 * A report row the app could not match (or could not tell between namesakes), assigned by the
 * facilitator to a roster person: the row's status and minutes become that person's mark,
 * whatever their mark was (the report's absence, or another), and the row leaves the review list.
 * All in one transaction; a row already resolved is refused.
 */
export async function assignMeetingReportRow(options: { actor: Actor; sessionId: string; row: number; personId: string }) {
  const session = await findRecordableSessionOrThrow(db, options.actor, options.sessionId);
  return db.$transaction(async (tx) => {
    const latest = await tx.meetingReportImport.findFirst({
      where: { sessionId: session.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!latest) throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT id FROM meeting_report_imports WHERE id = ${latest.id} FOR UPDATE`;
    const { unmatched } = await tx.meetingReportImport.findUniqueOrThrow({ where: { id: latest.id }, select: { unmatched: true } });
    const rows = unmatched as UnmatchedRow[];
    const row = rows[options.row];
    if (!row) throw new AppError("NOT_FOUND");
    if (row.resolvedPersonId) throw new AppError("CONFLICT", "Row already assigned", { messageKey: "meetingReport.alreadyAssigned" });
    const roster = await rosterEnrollments(tx, session.id);
    if (!roster.some((entry) => entry.personId === options.personId)) throw new AppError("NOT_FOUND", "Not on the roster");
    await tx.attendance.upsert({
      where: { sessionId_personId: { sessionId: session.id, personId: options.personId } },
      create: {
        sessionId: session.id,
        personId: options.personId,
        status: row.status,
        minutes: row.minutes,
        source: "MEETING_REPORT",
        updatedById: options.actor.userId,
      },
      update: {
        status: row.status,
        minutes: row.minutes,
        source: "MEETING_REPORT",
        updatedById: options.actor.userId,
        version: { increment: 1 },
      },
    });
    rows[options.row] = { ...row, resolvedPersonId: options.personId };
    await tx.meetingReportImport.update({ where: { id: latest.id }, data: { unmatched: rows } });
    return { status: row.status };
  });
}
