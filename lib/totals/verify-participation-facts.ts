import "server-only";
import { db } from "@/lib/db";
import { computeGenerationFacts, type GenerationFacts } from "./compute-generation-facts";
import { readNetworkFacts } from "./read-network-facts";
import { readParticipationFacts } from "./read-participation-facts";

// Each network filter costs a pass of the totals statement: every network of a generation with up to this many,
// the first ones (by id) of a larger one.
const NETWORKS_CHECKED = 8;

export type ParticipationDrift = { generationId: string; name: string; differences: string[] };

/**
 * Compares, generation by generation, the totals read from the participation facts the triggers keep
 * (migration participation_facts) with a full rebuild from the records: the totals statement itself
 * (lib/totals/compute-generation-facts.ts), which reads every mark. Every number and every row of every
 * breakdown must be equal, without filters and filtered by each network (lib/totals/read-network-facts.ts).
 * Used by the property test and by `npm run verify:totals`.
 */
export async function verifyParticipationFacts(options: { generationIds?: string[] } = {}): Promise<ParticipationDrift[]> {
  const generations = await db.generation.findMany({
    where: options.generationIds ? { id: { in: options.generationIds } } : {},
    select: {
      id: true,
      name: true,
      completionPercent: true,
      networks: { select: { networkId: true }, orderBy: { networkId: "asc" }, take: NETWORKS_CHECKED },
    },
    orderBy: { id: "asc" },
  });
  const drift: ParticipationDrift[] = [];
  for (const generation of generations) {
    const [kept, headline, rebuilt] = await Promise.all([
      readParticipationFacts(generation.id),
      readParticipationFacts(generation.id, { sessions: false }),
      computeGenerationFacts(generation.id, generation.completionPercent),
    ]);
    // The summary's read (without the list of sessions) too.
    const differences = [
      ...factsDifferences(kept, rebuilt),
      ...factsDifferences({ ...headline, bySession: rebuilt.bySession }, rebuilt).map((difference) => `headline ${difference}`),
    ];
    for (const { networkId } of generation.networks) {
      const [network, statement] = await Promise.all([
        readNetworkFacts(generation.id, networkId, generation.completionPercent),
        computeGenerationFacts(generation.id, generation.completionPercent, { networkId }),
      ]);
      if (!network) differences.push(`network ${networkId}: not read from the facts`);
      else differences.push(...factsDifferences(network, statement).map((difference) => `network ${networkId} ${difference}`));
    }
    if (differences.length) drift.push({ generationId: generation.id, name: generation.name, differences });
  }
  return drift;
}

/** Each number or breakdown row that differs, as "path: kept ≠ rebuilt" (rows keyed by their id, not their order). */
export function factsDifferences(kept: GenerationFacts, rebuilt: GenerationFacts): string[] {
  const a = normalized(kept);
  const b = normalized(rebuilt);
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = JSON.stringify(a[key]);
    const right = JSON.stringify(b[key]);
    if (left !== right) differences.push(`${key}: ${left} ≠ ${right}`);
  }
  return differences;
}

function normalized(facts: GenerationFacts): Record<string, unknown> {
  const by = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return {
    ...facts,
    byNetwork: by(facts.byNetwork, (row) => row.networkId),
    byState: by(facts.byState, (row) => row.state),
    byGender: by(facts.byGender, (row) => row.value),
    byAgeRange: by(facts.byAgeRange, (row) => row.value),
    byOrganizationType: by(facts.byOrganizationType, (row) => row.value),
    bySession: by(facts.bySession, (row) => row.id),
    byModality: by(facts.byModality, (row) => row.modality),
  };
}
