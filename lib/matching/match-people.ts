import "server-only";
import type { Confidence, PersonReason } from "@/lib/dedupe/duplicate-types";
import { judgePersonPair } from "./judge-person-pair";
import { findPersonPairEvidence, type PersonProbe, type PersonSide } from "./person-evidence";
import { settlePairs } from "./settle-pairs";

export type PersonMatchPair = {
  firstKey: string;
  secondKey: string;
  first: PersonSide;
  second: PersonSide;
  confidence: Confidence;
  /** How much links the two beyond their names: orders pairs that cannot all be right (settle-pairs.ts). */
  strength: number;
  reasons: PersonReason[];
  /** Share of name words the two have in common: orders pairs of the same confidence. */
  similarity: number;
};

/**
 * The matcher for people: candidate pairs and their evidence from the database (keys it keeps
 * itself), judged by judgePersonPair, ambiguous "high" pairs settled to "medium".
 * Registry: pairs among active people. Probes: each probe with the registry and the other probes.
 */
export async function matchPeople(
  source: { kind: "registry"; ids?: [string, string] } | { kind: "probes"; probes: PersonProbe[] },
): Promise<PersonMatchPair[]> {
  const judged = (await findPersonPairEvidence(source)).flatMap((row) => {
    const judgement = judgePersonPair(row);
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
