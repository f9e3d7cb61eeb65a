import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationScope } from "@/lib/registry/scope";
import { sessionReadScope, sessionRecordScope } from "./scope";

const sessionRow = {
  id: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  modality: true,
  status: true,
  place: true,
  allNetworks: true,
  networks: { select: { network: { select: { name: true } } } },
  _count: { select: { attendance: true } },
} as const;

/** A generation's workshops and their sessions, for anyone who may read the generation's aggregates. */
export async function findWorkshops(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId }, generationScope(options.actor)] },
    select: { id: true },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const readable = new Set(
    (
      await db.session.findMany({
        where: { AND: [{ workshop: { generationId: generation.id } }, sessionReadScope(options.actor)] },
        select: { id: true },
      })
    ).map((s) => s.id),
  );
  const workshops = await db.workshop.findMany({
    where: { generationId: generation.id },
    select: { id: true, title: true, topic: true, order: true, sessions: { select: sessionRow, orderBy: { startsAt: "asc" } } },
    orderBy: [{ order: "asc" }, { createdAt: "asc" }],
  });
  return workshops.map((workshop) => ({
    ...workshop,
    sessions: workshop.sessions.map((session) => ({ ...session, readable: readable.has(session.id) })),
  }));
}

/**
 * The sessions an actor records (a facilitator's own, a coordinator's program's) that have not ended yet: the one in
 * progress first, then the next ones. Ended sessions are listed by findRecentSessions, never both.
 */
export async function findMySessions(options: { actor: Actor; now?: Date }) {
  return db.session.findMany({
    where: { AND: [sessionRecordScope(options.actor), { endsAt: { gt: options.now ?? new Date() } }] },
    select: { ...sessionRow, workshop: { select: { title: true, generation: { select: { name: true } } } } },
    orderBy: { startsAt: "asc" },
    take: 100,
  });
}

/** The sessions an actor records that have ended, latest first (demo data lives in 2020). */
export async function findRecentSessions(options: { actor: Actor; now?: Date }) {
  return db.session.findMany({
    where: { AND: [sessionRecordScope(options.actor), { endsAt: { lte: options.now ?? new Date() } }] },
    select: { ...sessionRow, workshop: { select: { title: true, generation: { select: { name: true } } } } },
    orderBy: { startsAt: "desc" },
    take: 30,
  });
}

export async function getWorkshop(options: { actor: Actor; workshopId: string }) {
  const workshop = await db.workshop.findFirst({
    where: { id: options.workshopId, generation: generationScope(options.actor) },
    select: {
      id: true,
      title: true,
      topic: true,
      order: true,
      description: true,
      generation: {
        select: { id: true, name: true, programId: true, networks: { select: { network: { select: { id: true, name: true } } } } },
      },
      sessions: { select: sessionRow, orderBy: { startsAt: "asc" } },
    },
  });
  if (!workshop) throw new AppError("NOT_FOUND");
  return workshop;
}
