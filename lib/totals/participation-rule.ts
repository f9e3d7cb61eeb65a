/**
 * The name of the rule for who counts in a generation's totals (implemented once, in
 * compute-generation-facts.ts): a participant counts when present or late at one held
 * session of the generation (enrollment not withdrawn, records active). "Enrolled" stays
 * available as a second, labelled figure.
 */
export const PARTICIPATION_RULE = "attended-held-session" as const;
