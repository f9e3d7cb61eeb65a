import { rateOf, type GenerationFacts } from "@/lib/totals/compute-generation-facts";

/** The headline figures of a generation, as the dashboard, its PDF and the comparison show them. */
export const kpisOf = (facts: GenerationFacts) => ({
  people: facts.people,
  organizations: facts.organizations,
  networks: facts.networks,
  states: facts.states,
  enrolled: facts.enrolled,
  sessionsHeld: facts.sessionsHeld,
  attendanceRate: rateOf(facts),
  completed: facts.completed,
  completionRate: facts.enrolled ? facts.completed / facts.enrolled : null,
  virtualShare: facts.sessionsHeld ? facts.virtualSessions / facts.sessionsHeld : null,
});
