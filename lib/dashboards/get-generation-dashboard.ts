import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MexicanState, Modality } from "@/lib/generated/prisma/enums";
import { generationScope } from "@/lib/registry/scope";
import { attendanceStats } from "@/lib/totals/attendance-stats";
import { ATTENDED, enrolledWhere } from "@/lib/totals/participation-rule";
import { summarize } from "@/lib/totals/summarize";
import { suppressSmallCount } from "@/lib/totals/suppress";

export type DashboardFilters = { networkId?: string; state?: MexicanState; modality?: Modality; from?: Date; to?: Date };

const countBy = <T>(items: T[], key: (item: T) => string | null | undefined) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item) ?? "UNKNOWN";
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
};

/**
 * Everything the generation dashboard shows, computed from records under the
 * filters (network, state of the organization, session modality and dates).
 * People count when present or late at one of the held sessions in view.
 * Callers without personal-data rights get breakdown cells of 1–4 as "<5".
 */
export async function getGenerationDashboard(options: { actor: Actor; generationId: string; filters: DashboardFilters }) {
  const { filters } = options;
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: {
      id: true,
      name: true,
      completionPercent: true,
      program: { select: { id: true, name: true } },
      networks: { select: { network: { select: { id: true, name: true } } } },
    },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const generationNetworkIds = generation.networks.map((n) => n.network.id);

  const [enrollments, sessions] = await Promise.all([
    db.enrollment.findMany({
      where: {
        AND: [
          enrolledWhere(generation.id),
          filters.networkId ? { networkId: filters.networkId } : {},
          filters.state ? { organization: { state: filters.state } } : {},
        ],
      },
      select: {
        personId: true,
        organizationId: true,
        networkId: true,
        network: { select: { name: true } },
        organization: { select: { state: true, type: true } },
        person: { select: { gender: true, ageRange: true } },
      },
    }),
    db.session.findMany({
      where: {
        status: "HELD",
        workshop: { generationId: generation.id },
        ...(filters.modality ? { modality: filters.modality } : {}),
        ...(filters.from || filters.to
          ? { startsAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } }
          : {}),
      },
      select: {
        id: true,
        startsAt: true,
        modality: true,
        allNetworks: true,
        networks: { select: { networkId: true } },
        workshop: { select: { title: true } },
      },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  const heldSessions = sessions
    .map((session) => ({ ...session, networkIds: session.allNetworks ? generationNetworkIds : session.networks.map((n) => n.networkId) }))
    .filter((session) => !filters.networkId || session.networkIds.includes(filters.networkId));
  const attended = heldSessions.length
    ? await db.attendance.findMany({
        where: { sessionId: { in: heldSessions.map((s) => s.id) }, status: { in: [...ATTENDED] } },
        select: { sessionId: true, personId: true },
      })
    : [];

  const came = new Set(attended.map((row) => row.personId));
  const participants = enrollments.filter((row) => came.has(row.personId));
  const toRow = (row: (typeof enrollments)[number]) => ({
    personId: row.personId,
    organizationId: row.organizationId,
    networkId: row.networkId,
    networkName: row.network.name,
    state: row.organization.state,
  });
  const participation = summarize(participants.map(toRow));
  const enrolledPeople = new Set(enrollments.map((row) => row.personId)).size;
  const stats = attendanceStats({
    heldSessions: heldSessions.map((s) => ({ id: s.id, modality: s.modality, networkIds: s.networkIds })),
    memberships: enrollments.map((row) => ({ personId: row.personId, networkId: row.networkId })),
    attended,
    completionPercent: generation.completionPercent,
  });

  const suppressed = !can(options.actor, "read:personal-data", { programId: generation.program.id });
  const cell = (value: number) => (suppressed ? suppressSmallCount(value) : value);
  const distinctPeople = <T extends { personId: string }>(rows: T[]) => [...new Map(rows.map((row) => [row.personId, row])).values()];
  const distinctOrganizations = [...new Map(participants.map((row) => [row.organizationId, row])).values()];

  return {
    generation: { id: generation.id, name: generation.name, program: generation.program },
    networks: generation.networks.map((n) => n.network),
    suppressed,
    kpis: {
      people: participation.people,
      organizations: participation.organizations,
      networks: participation.networks,
      states: participation.states,
      enrolled: enrolledPeople,
      sessionsHeld: stats.sessionsHeld,
      attendanceRate: stats.attendanceRate,
      completionRate: enrolledPeople ? stats.completed / enrolledPeople : null,
      virtualShare: heldSessions.length ? heldSessions.filter((s) => s.modality === "VIRTUAL").length / heldSessions.length : null,
    },
    byNetwork: participation.byNetwork.map((row) => ({
      networkId: row.networkId,
      name: row.name,
      people: cell(row.people),
      organizations: cell(row.organizations),
      sessionsHeld: heldSessions.filter((s) => s.networkIds.includes(row.networkId)).length,
      attendanceRate: stats.byNetwork.get(row.networkId) ?? null,
    })),
    byState: participation.byState.map((row) => ({ state: row.state, people: cell(row.people), organizations: cell(row.organizations) })),
    byGender: countBy(distinctPeople(participants), (row) => row.person.gender).map((row) => ({
      value: row.value,
      people: cell(row.count),
    })),
    byAgeRange: countBy(distinctPeople(participants), (row) => row.person.ageRange).map((row) => ({
      value: row.value,
      people: cell(row.count),
    })),
    byOrganizationType: countBy(distinctOrganizations, (row) => row.organization.type).map((row) => ({
      value: row.value,
      organizations: cell(row.count),
    })),
    perSession: heldSessions.map((session) => {
      const counts = stats.bySession.get(session.id) ?? { expected: 0, attended: 0 };
      return {
        id: session.id,
        startsAt: session.startsAt,
        title: session.workshop.title,
        modality: session.modality,
        rate: counts.expected ? counts.attended / counts.expected : null,
      };
    }),
  };
}

export type GenerationDashboard = Awaited<ReturnType<typeof getGenerationDashboard>>;
