import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationScope } from "@/lib/registry/scope";
import { rateOf, type FactsFilters, type GenerationFacts } from "@/lib/totals/compute-generation-facts";
import { getGenerationFacts } from "@/lib/totals/get-generation-facts";
import { suppressColumns } from "@/lib/totals/suppress";
import { attendanceOverTime } from "./attendance-over-time";
import { kpisOf } from "./kpis";

export type DashboardFilters = FactsFilters;

// Cached facts are shared objects: bucket a national generation's thousands of sessions once per computation, not per page view.
const overTimeByFacts = new WeakMap<GenerationFacts, ReturnType<typeof attendanceOverTime>>();
function overTimeOf(facts: GenerationFacts) {
  let overTime = overTimeByFacts.get(facts);
  if (!overTime) {
    // json_build_object writes a timestamp without time zone; Prisma stores UTC.
    overTime = attendanceOverTime(facts.bySession.map((session) => ({ ...session, startsAt: new Date(`${session.startsAt}Z`) })));
    overTimeByFacts.set(facts, overTime);
  }
  return overTime;
}

/**
 * Everything the generation dashboard shows, computed from records under the
 * filters (network, state of the organization, session modality and dates).
 * People count when present or late at one of the held sessions in view.
 * Callers without personal-data rights get breakdowns suppressed (lib/totals/suppress.ts): "<5", "≥5".
 */
export async function getGenerationDashboard(options: { actor: Actor; generationId: string; filters: DashboardFilters }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: {
      id: true,
      name: true,
      number: true,
      completionPercent: true,
      program: { select: { id: true, name: true } },
      networks: { select: { network: { select: { id: true, name: true } } }, orderBy: { network: { name: "asc" } } },
    },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const [facts, programGenerations] = await Promise.all([
    getGenerationFacts(generation, options.filters),
    db.generation.findMany({
      where: { AND: [{ programId: generation.program.id, deactivatedAt: null }, generationScope(options.actor)] },
      select: { id: true, name: true },
      orderBy: { number: "asc" },
    }),
  ]);

  const suppressed = !can(options.actor, "read:personal-data", { programId: generation.program.id });
  return {
    generation: { id: generation.id, name: generation.name, number: generation.number, program: generation.program },
    networks: generation.networks.map((n) => n.network),
    /** The program's generations the actor may read, for the generation filter. */
    programGenerations,
    suppressed,
    kpis: kpisOf(facts),
    // Each column a breakdown of its (filtered) total, suppressed as a whole (lib/totals/suppress.ts), never cell by cell.
    byNetwork: suppressColumns(facts.byNetwork, { people: facts.people, organizations: facts.organizations }, suppressed).map((row) => ({
      networkId: row.networkId,
      name: row.name,
      people: row.people,
      organizations: row.organizations,
      sessionsHeld: row.sessionsHeld,
      attendanceRate: rateOf(row),
      completionRate: row.enrolled ? row.completed / row.enrolled : null,
    })),
    byState: suppressColumns(facts.byState, { people: facts.people, organizations: facts.organizations }, suppressed).map((row) => ({
      state: row.state,
      people: row.people,
      organizations: row.organizations,
    })),
    byGender: suppressColumns(facts.byGender, { count: facts.people }, suppressed).map((row) => ({ value: row.value, people: row.count })),
    byAgeRange: suppressColumns(facts.byAgeRange, { count: facts.people }, suppressed).map((row) => ({
      value: row.value,
      people: row.count,
    })),
    byOrganizationType: suppressColumns(facts.byOrganizationType, { count: facts.organizations }, suppressed).map((row) => ({
      value: row.value,
      organizations: row.count,
    })),
    attendanceOverTime: overTimeOf(facts),
  };
}

export type GenerationDashboard = Awaited<ReturnType<typeof getGenerationDashboard>>;
