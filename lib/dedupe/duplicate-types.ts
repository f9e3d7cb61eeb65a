/** How sure the page is that two records are one: the order of the list, and a word on each pair. */
export type Confidence = "high" | "medium" | "low";
export const CONFIDENCES: readonly Confidence[] = ["high", "medium", "low"];

export type PersonReason =
  | "sameName"
  | "nameVariant"
  | "missingSecondSurname"
  | "similarName"
  | "samePhone"
  | "sameEmail"
  | "sharedPhone"
  | "sharedEmail"
  | "sharedOrganization"
  | "sharedNetwork"
  | "differentName"
  | "generationalSuffix"
  | "differentGender";
export type OrganizationReason =
  "sameName" | "droppedWord" | "sameRfc" | "sameWebsite" | "sharedPerson" | "similarName" | "sameState" | "sharedNetwork";

export type DuplicatePage<Pair> = {
  total: number;
  byConfidence: Record<Confidence, number>;
  page: number;
  pageCount: number;
  pairs: Pair[];
};

export const DUPLICATES_PAGE_SIZE = 25;

/** The two ids of a pair in one order, so "A and B" and "B and A" are the same decision. */
export function orderedPair(first: string, second: string): [string, string] {
  return first < second ? [first, second] : [second, first];
}
