/** One counted enrollment: who took part, through which organization and network, in which state. */
export type ParticipationRow = {
  personId: string;
  organizationId: string;
  networkId: string;
  networkName: string;
  state: string;
};

export type Breakdown = { people: number; organizations: number };

export type ParticipationSummary = {
  people: number;
  organizations: number;
  networks: number;
  states: number;
  byNetwork: Array<{ networkId: string; name: string } & Breakdown>;
  byState: Array<{ state: string } & Breakdown>;
};

/**
 * Distinct counts: a person enrolled through two networks or two organizations
 * counts once in the total and once in each breakdown they appear in (so the
 * breakdowns can add up to more than the total). The state is the state of
 * the organization through which the person takes part.
 */
export function summarize(rows: readonly ParticipationRow[]): ParticipationSummary {
  const people = new Set<string>();
  const organizations = new Set<string>();
  const networks = new Map<string, { name: string; people: Set<string>; organizations: Set<string> }>();
  const states = new Map<string, { people: Set<string>; organizations: Set<string> }>();

  for (const row of rows) {
    people.add(row.personId);
    organizations.add(row.organizationId);
    const network = networks.get(row.networkId) ?? { name: row.networkName, people: new Set(), organizations: new Set() };
    network.people.add(row.personId);
    network.organizations.add(row.organizationId);
    networks.set(row.networkId, network);
    const state = states.get(row.state) ?? { people: new Set(), organizations: new Set() };
    state.people.add(row.personId);
    state.organizations.add(row.organizationId);
    states.set(row.state, state);
  }

  return {
    people: people.size,
    organizations: organizations.size,
    networks: networks.size,
    states: states.size,
    byNetwork: [...networks.entries()]
      .map(([networkId, n]) => ({ networkId, name: n.name, people: n.people.size, organizations: n.organizations.size }))
      .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
    byState: [...states.entries()]
      .map(([state, s]) => ({ state, people: s.people.size, organizations: s.organizations.size }))
      .sort((a, b) => b.people - a.people || a.state.localeCompare(b.state)),
  };
}
