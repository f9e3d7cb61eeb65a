import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";

const NOTHING: Prisma.SessionWhereInput = { id: { in: [] } };
const inPrograms = (programIds: string[]): Prisma.SessionWhereInput => ({ workshop: { generation: { programId: { in: programIds } } } });

/** Sessions whose attendance the actor may record: a coordinator's program, or the sessions a facilitator facilitates. */
export function sessionRecordScope(actor: Actor): Prisma.SessionWhereInput {
  const any = scopeOf(actor, "record:attendance:any");
  if (any.all) return {};
  const own = scopeOf(actor, "record:attendance:own");
  if (own.all) return {};
  const or: Prisma.SessionWhereInput[] = [];
  if (any.programIds.length) or.push(inPrograms(any.programIds));
  if (own.programIds.length) or.push({ AND: [inPrograms(own.programIds), { facilitators: { some: { userId: actor.userId } } }] });
  return or.length ? { OR: or } : NOTHING;
}

/** Sessions whose attendance the actor may read: those they may record, plus a liaison's network's sessions. Funders: none. */
export function sessionReadScope(actor: Actor): Prisma.SessionWhereInput {
  const read = scopeOf(actor, "read:attendance");
  if (read.all) return {};
  const or: Prisma.SessionWhereInput[] = [sessionRecordScope(actor)];
  if (read.networkIds.length) or.push(sessionAudienceIncludes(read.networkIds));
  return { OR: or };
}

/** Sessions whose audience includes one of these networks. */
export function sessionAudienceIncludes(networkIds: string[]): Prisma.SessionWhereInput {
  return {
    OR: [
      { allNetworks: true, workshop: { generation: { networks: { some: { networkId: { in: networkIds } } } } } },
      { allNetworks: false, networks: { some: { networkId: { in: networkIds } } } },
    ],
  };
}

/** Scheduling (workshops, sessions) is for coordinators of the program. */
export function canScheduleIn(actor: Actor, programId: string) {
  const scope = scopeOf(actor, "manage:sessions");
  return scope.all || scope.programIds.includes(programId);
}
