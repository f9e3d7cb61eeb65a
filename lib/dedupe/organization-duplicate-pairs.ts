import "server-only";
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
  const pairs = await matchOrganizations({ kind: "registry", ids: options.ids });
  return pairs.map((pair) => ({
    firstId: pair.firstKey,
    secondId: pair.secondKey,
    confidence: pair.confidence,
    similarity: pair.similarity,
    strength: pair.strength,
    reasons: pair.reasons,
  }));
}
