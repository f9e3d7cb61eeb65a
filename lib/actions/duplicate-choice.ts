/**
 * What the user chose in a duplicate warning (components/registry/duplicate-choices.tsx):
 * "existing:<id>" uses that record; "new" confirms a different one; nothing means no warning was shown yet.
 */
export function duplicateChoice(value: unknown): { existingId: string } | { allowSimilar: boolean } {
  if (typeof value === "string" && value.startsWith("existing:")) return { existingId: value.slice("existing:".length) };
  return { allowSimilar: value === "new" };
}
