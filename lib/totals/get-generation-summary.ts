import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationListSelect } from "@/lib/generations/find-generations";
import { generationScope } from "@/lib/registry/scope";
import { attendanceStats } from "./attendance-stats";
import { ATTENDED, countedEnrollmentWhere, enrolledWhere, PARTICIPATION_RULE } from "./participation-rule";
import { summarize } from "./summarize";
import { suppressSmallCount } from "./suppress";

const rowSelect = {
  personId: true,
  organizationId: true,
  networkId: true,
  network: { select: { name: true } },
  organization: { select: { state: true } },
} as const;

type Row = { personId: string; organizationId: string; networkId: string; network: { name: string }; organization: { state: string } };
const toParticipation = (rows: Row[]) =>
  rows.map((row) => ({
    personId: row.personId,
    organizationId: row.organizationId,
    networkId: row.networkId,
    networkName: row.network.name,
    state: row.organization.state,
  }));

/** Totals of a generation, computed from its records on every call. Aggregates only: no names leave here. */
export async function getGenerationSummary(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: { ...generationListSelect, completionPercent: true, networks: { select: { networkId: true } } },
  });
  if (!generation) throw new AppError("NOT_FOUND");

  const [counted, enrolled, heldSessions, attended] = await Promise.all([
    db.enrollment.findMany({ where: countedEnrollmentWhere(generation.id), select: rowSelect }),
    db.enrollment.findMany({ where: enrolledWhere(generation.id), select: rowSelect }),
    db.session.findMany({
      where: { status: "HELD", workshop: { generationId: generation.id } },
      select: { id: true, modality: true, allNetworks: true, networks: { select: { networkId: true } } },
    }),
    db.attendance.findMany({
      where: { status: { in: [...ATTENDED] }, session: { status: "HELD", workshop: { generationId: generation.id } } },
      select: { sessionId: true, personId: true },
    }),
  ]);

  const participation = summarize(toParticipation(counted));
  const enrolledSummary = summarize(toParticipation(enrolled));
  const generationNetworkIds = generation.networks.map((n) => n.networkId);
  const stats = attendanceStats({
    heldSessions: heldSessions.map((s) => ({
      id: s.id,
      modality: s.modality,
      networkIds: s.allNetworks ? generationNetworkIds : s.networks.map((n) => n.networkId),
    })),
    memberships: enrolled.map((row) => ({ personId: row.personId, networkId: row.networkId })),
    attended,
    completionPercent: generation.completionPercent,
  });

  // Whoever may not see the people behind the numbers (funders) gets small breakdown cells hidden; totals stay exact.
  const suppressed = !can(options.actor, "read:personal-data", { programId: generation.program.id });
  const cell = (value: number) => (suppressed ? suppressSmallCount(value) : value);
  const { id, number, name, status, startDate, endDate, program, completionPercent } = generation;
  const generationInfo = { id, number, name, status, startDate, endDate, program };
  return {
    generation: generationInfo,
    rule: PARTICIPATION_RULE,
    ...participation,
    suppressed,
    byNetwork: participation.byNetwork.map((row) => ({
      ...row,
      people: cell(row.people),
      organizations: cell(row.organizations),
      attendanceRate: stats.byNetwork.get(row.networkId) ?? null,
    })),
    byState: participation.byState.map((row) => ({ ...row, people: cell(row.people), organizations: cell(row.organizations) })),
    enrolled: enrolledSummary.people,
    enrolledOrganizations: enrolledSummary.organizations,
    sessionsHeld: stats.sessionsHeld,
    attendanceRate: stats.attendanceRate,
    completed: stats.completed,
    completionPercent,
    byModality: stats.byModality,
  };
}
