import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationScope } from "@/lib/registry/scope";
import { rateOf, type FactsFilters, type GenerationFacts } from "@/lib/totals/compute-generation-facts";
import { cachedAtVersion, generationVersion } from "@/lib/totals/data-version";
import { getGenerationFacts } from "@/lib/totals/get-generation-facts";
import { suppressColumns } from "@/lib/totals/suppress";
import { attendanceOverTime } from "./attendance-over-time";
import { kpisOf } from "./kpis";

export type DashboardFilters = FactsFilters;

/**
 * Everything the generation dashboard shows, computed from records under the
 * filters (network, state of the organization, session modality and dates).
 * People count when present or late at one of the held sessions in view.
 * Callers without personal-data rights get breakdowns suppressed (lib/totals/suppress.ts): "<5", "≥5".
 * The page streams it: the frame (the generation, its networks, the filters' choices) once the actor
 * is known to read it, the totals as a promise its sections await (openGenerationDashboard).
 */
export async function getGenerationDashboard(options: { actor: Actor; generationId: string; filters: DashboardFilters }) {
  const { totals, ...frame } = await openGenerationDashboard(options);
  return { ...frame, ...(await totals) };
}

/** The dashboard's frame, with its totals still on their way: NOT_FOUND before anything is shown. */
export async function openGenerationDashboard(options: { actor: Actor; generationId: string; filters: DashboardFilters }) {
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
  const suppressed = !can(options.actor, "read:personal-data", { programId: generation.program.id });
  const totals = getGenerationFacts(generation, options.filters).then((facts) => totalsOf(facts, suppressed));
  // Awaited by the sections (or by getGenerationDashboard); a failure reaches them, never the process.
  totals.catch(() => {});
  const [programGenerations, states] = await Promise.all([
    db.generation.findMany({
      where: { AND: [{ programId: generation.program.id, deactivatedAt: null }, generationScope(options.actor)] },
      select: { id: true, name: true },
      orderBy: { number: "asc" },
    }),
    // The states of the organizations enrolled (participation_links, kept by migration participation_facts), once per version.
    generationVersion(generation.id).then((version) =>
      cachedAtVersion(JSON.stringify(["states", generation.id]), version, async () =>
        (
          await db.$queryRaw<Array<{ state: string }>>`
            SELECT DISTINCT state FROM participation_links WHERE "generationId" = ${generation.id}`
        ).map((row) => row.state),
      ),
    ),
  ]);
  return {
    generation: { id: generation.id, name: generation.name, number: generation.number, program: generation.program },
    networks: generation.networks.map((n) => n.network),
    /** The program's generations the actor may read, for the generation filter. */
    programGenerations,
    /** The states of the generation's enrolled organizations, for the state filter (only values present). */
    states,
    suppressed,
    totals,
  };
}

// Cached facts are shared by every viewer of the same generation, filters and version: so are their rows, per suppression.
const totalsByFacts = new WeakMap<GenerationFacts, Map<boolean, ReturnType<typeof dashboardTotals>>>();
function totalsOf(facts: GenerationFacts, suppressed: boolean) {
  let bySuppression = totalsByFacts.get(facts);
  if (!bySuppression) totalsByFacts.set(facts, (bySuppression = new Map()));
  let totals = bySuppression.get(suppressed);
  if (!totals) bySuppression.set(suppressed, (totals = dashboardTotals(facts, suppressed)));
  return totals;
}

function dashboardTotals(facts: GenerationFacts, suppressed: boolean) {
  return {
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
    // json_build_object writes a timestamp without time zone; Prisma stores UTC.
    attendanceOverTime: attendanceOverTime(facts.bySession.map((session) => ({ ...session, startsAt: new Date(`${session.startsAt}Z`) }))),
  };
}

export type GenerationDashboard = Awaited<ReturnType<typeof getGenerationDashboard>>;
export type DashboardTotals = ReturnType<typeof dashboardTotals>;
