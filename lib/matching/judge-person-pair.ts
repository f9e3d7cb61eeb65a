import type { Confidence, PersonReason } from "@/lib/dedupe/duplicate-types";
import { comparePersonNames } from "./compare-person-names";

/** What two person records share, as the matcher's queries find it (lib/matching/person-evidence.ts). */
export type PersonPairEvidence = {
  firstWords: readonly string[];
  secondWords: readonly string[];
  /** 'jr', 'sr' or null for each (database function person_name_suffix). */
  firstSuffix: string | null;
  secondSuffix: string | null;
  sameEmail: boolean;
  /** The shared email is an organization's inbox (contacto@…) or more than two records use it. */
  emailShared: boolean;
  samePhone: boolean;
  /** More than two records use the shared phone (an office landline). */
  phoneShared: boolean;
  /** Both have an email of their own (not an organization's inbox) and they differ. */
  differentEmail: boolean;
  sharedOrganization: boolean;
  /** Registered through the same network (an enrollment, or an organization that belongs to it). */
  sharedNetwork: boolean;
  /** Both say their gender and they differ (woman and man). */
  genderConflict: boolean;
};

/** `strength` orders two "high" pairs of one record that cannot both be right (see settlePairs). */
export type PersonJudgement = { confidence: Confidence; reasons: PersonReason[]; strength: number } | null;

/**
 * The one rule that says whether two person records are one person; import, registration,
 * walk-ins, meeting reports, check-in and the duplicates page all call it.
 *
 * - A name that conflicts (another given name, another surname), a generational suffix on one
 *   side only (a father and "Jr."), or different genders keep two records apart, whatever
 *   they share: families and offices share emails and phones. At most "low" when they share one.
 * - The same name (any spelling, order, abbreviation or one-name nickname), or the same name
 *   through an initial or a nickname of several names, is high with anything else linking the
 *   two: an email or phone, even a shared inbox, the same organization, or the same network for
 *   names of three words or more; alone it is medium (namesakes live in other states).
 * - A name with a word missing is high with a contact of their own, the same organization, or the
 *   same network when the word missing is the last one (no second surname) and three words remain;
 *   medium otherwise.
 * - A name with a word missing or misspelt, given with another personal email on each side, needs
 *   a contact in common to be high (colleagues "Ana Ramos" and "Ana Ramos Hernández").
 * - A misspelt name (one or two letters) is high with a contact of their own or the same
 *   organization; medium with the same network or a shared contact. Misspelt with a word missing
 *   as well: high only with a contact of their own, or the same organization and one word missing.
 * A record that is "high" with two people who are not high with each other is ambiguous: the
 * stronger pair stays (a contact of their own, then the organization), or both become medium
 * (settle-pairs.ts).
 */
export function judgePersonPair(evidence: PersonPairEvidence): PersonJudgement {
  const name = comparePersonNames(evidence.firstWords, evidence.secondWords);
  const anyContact = evidence.sameEmail || evidence.samePhone;
  const ownContact = (evidence.sameEmail && !evidence.emailShared) || (evidence.samePhone && !evidence.phoneShared);
  const context = evidence.sharedOrganization || evidence.sharedNetwork;
  // Each gives a mailbox of their own and they differ, with no contact in common: two people unless their names say so fully.
  const otherContacts = evidence.differentEmail && !anyContact;
  const apart = evidence.firstSuffix !== evidence.secondSuffix || evidence.genderConflict || name.kind === "different";

  const reasons: PersonReason[] = [];
  if (!apart)
    reasons.push(
      name.kind === "same"
        ? "sameName"
        : name.kind === "partial"
          ? "missingSecondSurname"
          : name.kind === "variant"
            ? "nameVariant"
            : "similarName",
    );
  if (evidence.sameEmail) reasons.push(evidence.emailShared ? "sharedEmail" : "sameEmail");
  if (evidence.samePhone) reasons.push(evidence.phoneShared ? "sharedPhone" : "samePhone");
  if (evidence.sharedOrganization) reasons.push("sharedOrganization");
  else if (evidence.sharedNetwork) reasons.push("sharedNetwork");

  let confidence: Confidence | null = null;
  if (apart) confidence = anyContact ? "low" : null;
  else if (name.kind === "same" || name.kind === "variant")
    // A two-word name ("María Martínez") is shared by many: the same network alone does not make it one person.
    confidence = anyContact || evidence.sharedOrganization || (evidence.sharedNetwork && name.shared >= 3) ? "high" : "medium";
  else if (name.kind === "partial")
    confidence =
      ownContact ||
      (!otherContacts &&
        (evidence.sharedOrganization || (evidence.sharedNetwork && name.missing === 1 && name.missingTrailing && name.shared >= 3)))
        ? "high"
        : "medium";
  else if (name.missing === 0)
    confidence = ownContact || (evidence.sharedOrganization && !otherContacts) ? "high" : context || anyContact ? "medium" : null;
  else
    confidence = ownContact || (evidence.sharedOrganization && name.missing === 1 && !otherContacts) ? "high" : context ? "medium" : null;
  if (apart)
    reasons.unshift(
      evidence.firstSuffix !== evidence.secondSuffix ? "generationalSuffix" : evidence.genderConflict ? "differentGender" : "differentName",
    );
  const strength = (ownContact ? 4 : 0) + (evidence.sharedOrganization ? 2 : 0) + (name.kind === "same" || name.kind === "variant" ? 1 : 0);
  return confidence ? { confidence, reasons, strength } : null;
}
