import "server-only";
import { computeGenerationFacts, type FactsFilters, type GenerationFacts } from "./compute-generation-facts";
import { cachedAtVersion, generationVersion } from "./data-version";
import { readParticipationFacts } from "./read-participation-facts";

/**
 * A generation's totals under filters. Without filters they are read from the participation facts
 * PostgreSQL keeps on every write (milliseconds); a filter the facts do not hold (state, modality,
 * dates, one person) runs the totals statement over the records. Either is cached per version of
 * that generation: a write elsewhere costs this generation nothing, and 20 viewers of the same numbers
 * cost one computation.
 */
export async function getGenerationFacts(generation: { id: string; completionPercent: number }, filters: FactsFilters = {}) {
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return cachedAtVersion<GenerationFacts>(
    JSON.stringify(["facts", generation.id, generation.completionPercent, filters]),
    await generationVersion(generation.id),
    () => (filtered ? computeGenerationFacts(generation.id, generation.completionPercent, filters) : readParticipationFacts(generation.id)),
  );
}
