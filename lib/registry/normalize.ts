/**
 * Text as searches and header guessing compare it: case, accents, punctuation and extra spaces
 * never matter. Matching records uses the database's keys instead (lib/matching).
 */
export function normalizeText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
}
