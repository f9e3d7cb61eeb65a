import "server-only";
import { cachedByDataVersion } from "@/lib/totals/data-version";
import { matchPeople } from "@/lib/matching/match-people";
import type { Confidence, PersonReason } from "./duplicate-types";

export type ScoredPersonPair = {
  firstId: string;
  secondId: string;
  confidence: Confidence;
  similarity: number;
  /** Orders pairs that cannot all be right when records are grouped (settle-pairs.ts). */
  strength: number;
  reasons: PersonReason[];
};

/** Every likely pair of active people (or the one pair given), as the matcher judges them (lib/matching). */
export async function scorePersonPairs(options: { ids?: [string, string] } = {}): Promise<ScoredPersonPair[]> {
  // The whole registry's pairs are kept until the next write (data-version.ts); one pair is always computed afresh.
  const pairs = options.ids
    ? await matchPeople({ kind: "registry", ids: options.ids })
    : await cachedByDataVersion("duplicate-people", () => matchPeople({ kind: "registry" }));
  return pairs.map((pair) => ({
    firstId: pair.firstKey,
    secondId: pair.secondKey,
    confidence: pair.confidence,
    similarity: pair.similarity,
    strength: pair.strength,
    reasons: pair.reasons,
  }));
}
