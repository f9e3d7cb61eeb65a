import "server-only";
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
  const pairs = await matchPeople({ kind: "registry", ids: options.ids });
  return pairs.map((pair) => ({
    firstId: pair.firstKey,
    secondId: pair.secondKey,
    confidence: pair.confidence,
    similarity: pair.similarity,
    strength: pair.strength,
    reasons: pair.reasons,
  }));
}
