import "server-only";
import { computeGenerationFacts, type FactsFilters, type GenerationFacts } from "./compute-generation-facts";
import { cachedByDataVersion } from "./data-version";

/**
 * Totals are recomputed from records whenever any record behind them changed (see
 * data-version.ts): a dashboard opened by 20 people at once costs one computation.
 */
export async function getGenerationFacts(generation: { id: string; completionPercent: number }, filters: FactsFilters = {}) {
  return cachedByDataVersion<GenerationFacts>(JSON.stringify(["facts", generation.id, generation.completionPercent, filters]), () =>
    computeGenerationFacts(generation.id, generation.completionPercent, filters),
  );
}
