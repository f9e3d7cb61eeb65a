import "server-only";
import type { Confidence, OrganizationReason } from "@/lib/dedupe/duplicate-types";
import { judgeOrganizationPair } from "./judge-organization-pair";
import { findOrganizationPairEvidence, type OrganizationProbe, type OrganizationSide } from "./organization-evidence";
import { settlePairs } from "./settle-pairs";

export type OrganizationMatchPair = {
  firstKey: string;
  secondKey: string;
  first: OrganizationSide;
  second: OrganizationSide;
  confidence: Confidence;
  /** How much links the two beyond their names: orders pairs that cannot all be right (settle-pairs.ts). */
  strength: number;
  reasons: OrganizationReason[];
  similarity: number;
};

/** The matcher for organizations (see matchPeople). */
export async function matchOrganizations(
  source: { kind: "registry"; ids?: [string, string] } | { kind: "probes"; probes: OrganizationProbe[] },
): Promise<OrganizationMatchPair[]> {
  const judged = (await findOrganizationPairEvidence(source)).flatMap((row) => {
    const judgement = judgeOrganizationPair(row);
    if (!judgement) return [];
    const shared = row.firstWords.filter((word) => row.secondWords.includes(word)).length;
    return [
      {
        firstKey: row.first.key,
        secondKey: row.second.key,
        first: row.first,
        second: row.second,
        ...judgement,
        similarity: shared / Math.max(1, row.firstWords.length, row.secondWords.length),
      },
    ];
  });
  return settlePairs(judged);
}
