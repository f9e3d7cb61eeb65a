/**
 * Keys that make two spellings of the same name compare equal, for duplicate
 * warnings: case, accents, punctuation and extra spaces never matter.
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

/** Name words in alphabetical order, so "Pérez López Ana" and "ana lopez perez" meet. */
export function personNameKey(name: { givenNames: string; firstSurname: string; secondSurname?: string | null }): string {
  return normalizeText([name.givenNames, name.firstSurname, name.secondSurname ?? ""].join(" "))
    .split(" ")
    .filter(Boolean)
    .sort()
    .join(" ");
}

// Mexican legal-form suffixes that people write or omit at will. Matched on the normalized text.
const LEGAL_SUFFIXES = ["i a p", "iap", "a c", "ac", "s c", "sc", "a b p", "abp", "s a de c v", "sa de cv", "s de r l", "s a", "sa"];

export function organizationNameKey(name: string): string {
  let key = normalizeText(name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.endsWith(` ${suffix}`)) {
        key = key.slice(0, -suffix.length - 1).trim();
        changed = true;
      }
    }
  }
  return key;
}
