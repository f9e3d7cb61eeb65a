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

/** The sessions an actor records (a facilitator's own, a coordinator's program's), soonest first from a week ago. */
export async function findMySessions(options: { actor: Actor; from?: Date }) {
  return db.session.findMany({
    where: {
      AND: [sessionRecordScope(options.actor), { startsAt: { gte: options.from ?? new Date(Date.now() - 7 * 24 * 60 * 60 * 1000) } }],
    },
    select: { ...sessionRow, workshop: { select: { title: true, generation: { select: { name: true } } } } },
    orderBy: { startsAt: "asc" },
    take: 100,
  });
}

/** Recent sessions to record, when there are no upcoming ones (demo data lives in 2020). */
export async function findRecentSessions(options: { actor: Actor }) {
  return db.session.findMany({
    where: sessionRecordScope(options.actor),
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
