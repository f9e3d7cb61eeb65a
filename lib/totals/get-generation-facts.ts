import "server-only";
import { computeGenerationFacts, type FactsFilters, type GenerationFacts, type GenerationHeadline } from "./compute-generation-facts";
import { cachedAtVersion, generationVersion } from "./data-version";
import { readNetworkFacts } from "./read-network-facts";
import { readParticipationFacts } from "./read-participation-facts";

/**
 * A generation's totals under filters. Without filters they are read from the participation facts
 * PostgreSQL keeps on every write (milliseconds), and so is a filter by one of its networks (that network's
 * people and sessions only); a filter the facts do not hold (state, modality, dates, one person) runs the
 * totals statement over the records. Either is cached per version of
 * that generation: a write elsewhere costs this generation nothing, and 20 viewers of the same numbers
 * cost one computation.
 */
export async function getGenerationFacts(generation: Generation, filters?: FactsFilters): Promise<GenerationFacts>;
/** Without the list of held sessions, which the summary does not show: cheaper to read after every write. */
export async function getGenerationFacts(
  generation: Generation,
  filters: FactsFilters,
  options: { sessions: false },
): Promise<GenerationHeadline>;
export async function getGenerationFacts(generation: Generation, filters: FactsFilters = {}, { sessions = true } = {}) {
  const { networkId, ...others } = filters;
  const filtered = Object.values(others).some((value) => value !== undefined);
  const statement = () => computeGenerationFacts(generation.id, generation.completionPercent, filters);
  return cachedAtVersion<GenerationHeadline>(
    JSON.stringify(["facts", generation.id, generation.completionPercent, filters, sessions]),
    await generationVersion(generation.id),
    async () => {
      if (filtered) return statement();
      if (networkId) return (await readNetworkFacts(generation.id, networkId, generation.completionPercent)) ?? statement();
      return sessions ? readParticipationFacts(generation.id) : readParticipationFacts(generation.id, { sessions: false });
    },
  );
}

type Generation = { id: string; completionPercent: number };
