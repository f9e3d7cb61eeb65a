import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import { Modality, SessionStatus, WorkshopTopic } from "@/lib/generated/prisma/enums";
import { wallTimeToDate } from "@/lib/dates/zoned";
import { canScheduleIn } from "./scope";
import { checkboxesField, idField, optionalTextField } from "@/lib/validation/fields";

export const DEFAULT_TIME_ZONE = "America/Mexico_City";

export const workshopInputSchema = z.object({
  title: z.string().trim().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
  topic: z.enum(WorkshopTopic, { message: "validation.invalidChoice" }),
  order: z.coerce.number({ message: "validation.number" }).int().min(1, { message: "validation.number" }).max(999),
  description: optionalTextField(2000),
});

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "validation.date" });

export const sessionInputSchema = z.object({
  startsAt: localDateTime,
  durationMinutes: z.coerce
    .number({ message: "validation.number" })
    .int()
    .min(15, { message: "validation.number" })
    .max(12 * 60),
  modality: z.enum(Modality, { message: "validation.invalidChoice" }),
  place: optionalTextField(300),
  meetingUrl: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || z.url().safeParse(value).success, { message: "validation.url" }),
  networkIds: checkboxesField(idField),
  facilitatorIds: checkboxesField(idField),
  presentPercent: z.coerce.number().int().min(1).max(100).default(50),
  lateAfterMinutes: z.coerce.number().int().min(0).max(240).default(15),
});
export type SessionInput = z.output<typeof sessionInputSchema>;

/** "2020-04-15T10:00" typed in the session's zone, as an instant. */
export function localToDate(value: string, timeZone = DEFAULT_TIME_ZONE) {
  const [date = "", time = ""] = value.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return wallTimeToDate(year!, month!, day!, hour!, minute!, 0, timeZone);
}

async function generationForSchedulingOrThrow(actor: Actor, generationId: string) {
  const generation = await db.generation.findFirst({
    where: { id: generationId, deactivatedAt: null },
    select: { id: true, programId: true, networks: { select: { networkId: true } } },
  });
  if (!generation || !canScheduleIn(actor, generation.programId)) throw new AppError("NOT_FOUND");
  return generation;
}

export async function saveWorkshop(options: {
  actor: Actor;
  generationId: string;
  workshopId?: string;
  input: z.output<typeof workshopInputSchema>;
  /** lib/records/record-version.ts: an edit is refused if someone saved since the form was read. */
  version?: string;
}) {
  await generationForSchedulingOrThrow(options.actor, options.generationId);
  const data = { ...options.input, description: options.input.description ?? null };
  if (options.workshopId) {
    const updated = await db.workshop.updateMany({
      where: { id: options.workshopId, generationId: options.generationId, ...unchangedSince(options.version) },
      data,
    });
    if (!updated.count) {
      const stored = await db.workshop.findFirst({
        where: { id: options.workshopId, generationId: options.generationId },
        select: { updatedAt: true, title: true, order: true, description: true },
      });
      throw stored ? staleRecordError(stored, ["title", "order", "description"]) : new AppError("NOT_FOUND");
    }
    return { workshopId: options.workshopId };
  }
  const workshop = await db.workshop.create({ data: { ...data, generationId: options.generationId }, select: { id: true } });
  return { workshopId: workshop.id };
}

/** Facilitators must hold a FACILITATOR grant in the program; audience networks must take part in the generation. */
async function validateParticipants(tx: Prisma.TransactionClient, programId: string, generationNetworkIds: string[], input: SessionInput) {
  if (input.networkIds.some((id) => !generationNetworkIds.includes(id)))
    throw new AppError("VALIDATION", "Unknown network", { field: "networkIds" });
  const facilitators = await tx.grant.findMany({
    where: { userId: { in: input.facilitatorIds }, role: "FACILITATOR", programId, user: { deactivatedAt: null } },
    select: { userId: true },
  });
  if (new Set(facilitators.map((f) => f.userId)).size !== new Set(input.facilitatorIds).size) {
    throw new AppError("VALIDATION", "Unknown facilitator", { field: "facilitatorIds" });
  }
}

function sessionData(input: SessionInput, startsAt: Date) {
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
    modality: input.modality,
    place: input.place ?? null,
    meetingUrl: input.meetingUrl ?? null,
    allNetworks: input.networkIds.length === 0,
    presentPercent: input.presentPercent,
    lateAfterMinutes: input.lateAfterMinutes,
  };
}

/** One session, or a weekly series of `occurrences` sessions at the same local time. All or none. */
export async function createSessions(options: { actor: Actor; workshopId: string; input: SessionInput; occurrences: number }) {
  const workshop = await db.workshop.findUnique({ where: { id: options.workshopId }, select: { generationId: true } });
  if (!workshop) throw new AppError("NOT_FOUND");
  const generation = await generationForSchedulingOrThrow(options.actor, workshop.generationId);
  const [date, time] = options.input.startsAt.split("T");
  return db.$transaction(async (tx) => {
    await validateParticipants(
      tx,
      generation.programId,
      generation.networks.map((n) => n.networkId),
      options.input,
    );
    const ids: string[] = [];
    for (let week = 0; week < Math.min(Math.max(options.occurrences, 1), 52); week++) {
      // Same wall-clock time every week, even across a daylight-saving change.
      const day = new Date(`${date}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 7 * week);
      const startsAt = localToDate(`${day.toISOString().slice(0, 10)}T${time}`);
      const session = await tx.session.create({
        data: {
          ...sessionData(options.input, startsAt),
          workshopId: options.workshopId,
          networks: { create: options.input.networkIds.map((networkId) => ({ networkId })) },
          facilitators: { create: options.input.facilitatorIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      ids.push(session.id);
    }
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "session.created",
      targetType: "workshop",
      targetId: options.workshopId,
      data: { sessions: ids.length },
    });
    return ids;
  });
}

async function sessionForSchedulingOrThrow(actor: Actor, sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, workshop: { select: { generation: { select: { programId: true, networks: { select: { networkId: true } } } } } } },
  });
  if (!session || !canScheduleIn(actor, session.workshop.generation.programId)) throw new AppError("NOT_FOUND");
  return session;
}

/** Moves or edits a session (time, modality, place, audience, facilitators, thresholds). */
export async function updateSession(options: {
  actor: Actor;
  sessionId: string;
  input: SessionInput;
  /** lib/records/record-version.ts: refused if someone saved the session since the form was read. */
  version?: string;
}) {
  const session = await sessionForSchedulingOrThrow(options.actor, options.sessionId);
  const { programId, networks } = session.workshop.generation;
  await db.$transaction(async (tx) => {
    await validateParticipants(
      tx,
      programId,
      networks.map((n) => n.networkId),
      options.input,
    );
    const updated = await tx.session.updateMany({
      where: { id: session.id, ...unchangedSince(options.version) },
      data: sessionData(options.input, localToDate(options.input.startsAt)),
    });
    if (!updated.count)
      throw staleRecordError(
        await tx.session.findUniqueOrThrow({
          where: { id: session.id },
          select: { updatedAt: true, startsAt: true, modality: true, place: true, meetingUrl: true, status: true },
        }),
        ["startsAt", "modality", "place", "meetingUrl", "status"],
      );
    await tx.sessionNetwork.deleteMany({ where: { sessionId: session.id } });
    await tx.sessionNetwork.createMany({ data: options.input.networkIds.map((networkId) => ({ sessionId: session.id, networkId })) });
    await tx.sessionFacilitator.deleteMany({ where: { sessionId: session.id } });
    await tx.sessionFacilitator.createMany({ data: options.input.facilitatorIds.map((userId) => ({ sessionId: session.id, userId })) });
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "session.updated", targetType: "session", targetId: session.id });
  });
}

export async function setSessionStatus(options: { actor: Actor; sessionId: string; status: SessionStatus }) {
  const session = await sessionForSchedulingOrThrow(options.actor, options.sessionId);
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: session.id }, data: { status: options.status } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "session.status",
      targetType: "session",
      targetId: session.id,
      data: { status: options.status },
    });
  });
}

/** What the 2020 generation did when meetings stopped: every future planned session becomes virtual at once. */
export async function switchFutureSessionsToVirtual(options: { actor: Actor; generationId: string; now?: Date }) {
  await generationForSchedulingOrThrow(options.actor, options.generationId);
  return db.$transaction(async (tx) => {
    const changed = await tx.session.updateMany({
      where: {
        workshop: { generationId: options.generationId },
        status: "PLANNED",
        startsAt: { gt: options.now ?? new Date() },
        modality: { not: "VIRTUAL" },
      },
      data: { modality: "VIRTUAL" },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "session.switched-to-virtual",
      targetType: "generation",
      targetId: options.generationId,
      data: { sessions: changed.count },
    });
    return { changed: changed.count };
  });
}

/** Users who may facilitate in a program: those with a FACILITATOR grant there. */
export async function findFacilitatorOptions(options: { actor: Actor; programId: string }) {
  if (!canScheduleIn(options.actor, options.programId)) return [];
  return db.user.findMany({
    where: { deactivatedAt: null, grants: { some: { role: "FACILITATOR", programId: options.programId } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
