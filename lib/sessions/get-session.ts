import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fullName } from "@/lib/people/person-select";
import { rosterEnrollments } from "./roster";
import { canScheduleIn, sessionReadScope, sessionRecordScope } from "./scope";

export const sessionSelect = {
  id: true,
  updatedAt: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  modality: true,
  place: true,
  meetingUrl: true,
  status: true,
  allNetworks: true,
  presentPercent: true,
  lateAfterMinutes: true,
  checkInCode: true,
  networks: { select: { network: { select: { id: true, name: true } } } },
  facilitators: { select: { user: { select: { id: true, name: true } } } },
  workshop: {
    select: {
      id: true,
      title: true,
      topic: true,
      generation: { select: { id: true, name: true, programId: true, program: { select: { name: true } } } },
    },
  },
} as const;

/** A session the actor may read (404 otherwise), with what they may do to it. */
export async function getSession(options: { actor: Actor; sessionId: string }) {
  const session = await db.session.findFirst({
    where: { AND: [{ id: options.sessionId }, sessionReadScope(options.actor)] },
    select: sessionSelect,
  });
  if (!session) throw new AppError("NOT_FOUND");
  const canRecord = Boolean(
    await db.session.findFirst({ where: { AND: [{ id: session.id }, sessionRecordScope(options.actor)] }, select: { id: true } }),
  );
  return { ...session, canRecord, canSchedule: canScheduleIn(options.actor, session.workshop.generation.programId) };
}

/**
 * The roster with each person's attendance, for a session the actor may read (NOT_FOUND otherwise).
 * Whoever records the session sees everyone expected; a liaison who only reads sees their network's people.
 */
export async function getRoster(options: { actor: Actor; sessionId: string }) {
  const [readable, recordable] = await Promise.all([
    db.session.findFirst({ where: { AND: [{ id: options.sessionId }, sessionReadScope(options.actor)] }, select: { id: true } }),
    db.session.findFirst({ where: { AND: [{ id: options.sessionId }, sessionRecordScope(options.actor)] }, select: { id: true } }),
  ]);
  if (!readable) throw new AppError("NOT_FOUND");
  const read = scopeOf(options.actor, "read:attendance");
  const onlyNetworks = recordable || read.all ? undefined : read.networkIds;
  const enrollments = await rosterEnrollments(db, readable.id, onlyNetworks);
  const attendance = await db.attendance.findMany({
    where: { sessionId: readable.id, personId: { in: enrollments.map((enrollment) => enrollment.personId) } },
    select: { personId: true, status: true, minutes: true, note: true, version: true, source: true },
  });
  const byPerson = new Map(attendance.map((row) => [row.personId, row]));
  return enrollments.map((enrollment) => ({
    personId: enrollment.personId,
    name: fullName(enrollment.person),
    organization: enrollment.organization.name,
    network: enrollment.network.name,
    attendance: byPerson.get(enrollment.personId) ?? null,
  }));
}

export type RosterRow = Awaited<ReturnType<typeof getRoster>>[number];
