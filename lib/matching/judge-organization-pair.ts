import type { Confidence, OrganizationReason } from "@/lib/dedupe/duplicate-types";
import { compareOrganizationNames } from "./compare-organization-names";

export type OrganizationPairEvidence = {
  firstWords: readonly string[];
  secondWords: readonly string[];
  /** Both states known and equal / known and different. */
  sameState: boolean;
  differentState: boolean;
  sharedNetwork: boolean;
  sameRfc: boolean;
  /** Both have an RFC and they differ: two legal entities. */
  differentRfc: boolean;
  sameWebsite: boolean;
  sharedPerson: boolean;
};

/** `strength` orders two "high" pairs of one record that cannot both be right (see settlePairs). */
export type OrganizationJudgement = { confidence: Confidence; reasons: OrganizationReason[]; strength: number } | null;

/**
 * The one rule that says whether two organization records are one organization (import,
 * registration, walk-ins and the duplicates page call it).
 * - Two different RFCs: never. The same RFC: high.
 * - The same name (accents, capitals, legal form, abbreviations and word order aside), a slip of
 *   a letter or two, or a type word or place dropped while the distinctive words agree: high in
 *   the same state or network (a state not given does not count against it), medium elsewhere
 *   (a network's chapters share a name across states).
 * - The same web site: high with names that relate, medium otherwise.
 * A person registered with both does not make them one (people work with several organizations),
 * but it tells which one a short name means when it fits several ("Puentes de Tijuana").
 */
export function judgeOrganizationPair(evidence: OrganizationPairEvidence): OrganizationJudgement {
  if (evidence.differentRfc) return null;
  const name = compareOrganizationNames(evidence.firstWords, evidence.secondWords);
  const related = name !== "different";
  const near = (evidence.sameState || evidence.sharedNetwork) && !evidence.differentState;
  let confidence: Confidence | null = null;
  if (evidence.sameRfc) confidence = "high";
  else if (related) confidence = near || evidence.sameWebsite ? "high" : "medium";
  else if (evidence.sameWebsite) confidence = "medium";
  if (!confidence) return null;
  const reasons: OrganizationReason[] = [
    name === "same" || name === "variant" ? "sameName" : name === "dropped" ? "droppedWord" : "similarName",
  ];
  if (evidence.sameRfc) reasons.push("sameRfc");
  if (evidence.sameWebsite) reasons.push("sameWebsite");
  if (evidence.sharedPerson) reasons.push("sharedPerson");
  if (evidence.sameState) reasons.push("sameState");
  if (evidence.sharedNetwork) reasons.push("sharedNetwork");
  const strength =
    (evidence.sameRfc ? 8 : 0) + (evidence.sameWebsite ? 4 : 0) + (evidence.sharedPerson ? 4 : 0) + (name === "same" ? 2 : 0);
  return { confidence, reasons, strength };
}
