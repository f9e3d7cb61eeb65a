import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationListSelect } from "@/lib/generations/find-generations";
import { generationScope } from "@/lib/registry/scope";
import { rateOf } from "./compute-generation-facts";
import { getGenerationFacts } from "./get-generation-facts";
import { PARTICIPATION_RULE } from "./participation-rule";
import { suppressBreakdown, suppressColumns } from "./suppress";

/** Totals of a generation, computed from its records. Aggregates only: no names leave here. */
export async function getGenerationSummary(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: { ...generationListSelect, completionPercent: true },
  });
  if (!generation) throw new AppError("NOT_FOUND");
  const facts = await getGenerationFacts(generation, {}, { sessions: false });

  // Whoever may not see the people behind the numbers (funders) gets small breakdown cells hidden; totals stay exact.
  const suppressed = !can(options.actor, "read:personal-data", { programId: generation.program.id });
  const cell = (value: number) => suppressBreakdown([value], { suppressed })[0]!;
  const { id, number, name, status, startDate, endDate, program, completionPercent } = generation;
  return {
    generation: { id, number, name, status, startDate, endDate, program },
    rule: PARTICIPATION_RULE,
    people: facts.people,
    organizations: facts.organizations,
    networks: facts.networks,
    states: facts.states,
    suppressed,
    // Each column a breakdown of its total, suppressed as a whole (lib/totals/suppress.ts), never cell by cell.
    byNetwork: suppressColumns(facts.byNetwork, { people: facts.people, organizations: facts.organizations }, suppressed).map((row) => ({
      networkId: row.networkId,
      name: row.name,
      people: row.people,
      organizations: row.organizations,
      attendanceRate: rateOf(row),
    })),
    byState: suppressColumns(facts.byState, { people: facts.people, organizations: facts.organizations }, suppressed).map((row) => ({
      state: row.state,
      people: row.people,
      organizations: row.organizations,
    })),
    enrolled: facts.enrolled,
    enrolledOrganizations: facts.enrolledOrganizations,
    sessionsHeld: facts.sessionsHeld,
    pendingSessions: facts.pendingSessions,
    guests: cell(facts.guests),
    attendanceRate: rateOf(facts),
    completed: facts.completed,
    completionPercent,
    byModality: facts.byModality.map((row) => ({ modality: row.modality, sessionsHeld: row.sessionsHeld, attendanceRate: rateOf(row) })),
  };
}
