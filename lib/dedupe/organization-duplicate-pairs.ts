import "server-only";
import { cachedByDataVersion } from "@/lib/totals/data-version";
import { matchOrganizations } from "@/lib/matching/match-organizations";
import type { Confidence, OrganizationReason } from "./duplicate-types";

export type ScoredOrganizationPair = {
  firstId: string;
  secondId: string;
  confidence: Confidence;
  similarity: number;
  /** Orders pairs that cannot all be right when records are grouped (settle-pairs.ts). */
  strength: number;
  reasons: OrganizationReason[];
};

/** Every likely pair of active organizations (or the one pair given), as the matcher judges them (lib/matching). */
export async function scoreOrganizationPairs(options: { ids?: [string, string] } = {}): Promise<ScoredOrganizationPair[]> {
  // The whole registry's pairs are kept until the next write (data-version.ts); one pair is always computed afresh.
  const pairs = options.ids
    ? await matchOrganizations({ kind: "registry", ids: options.ids })
    : await cachedByDataVersion("duplicate-organizations", () => matchOrganizations({ kind: "registry" }));
  return pairs.map((pair) => ({
    firstId: pair.firstKey,
    secondId: pair.secondKey,
    confidence: pair.confidence,
    similarity: pair.similarity,
    strength: pair.strength,
    reasons: pair.reasons,
  }));
}
