import { AMBIGUOUS_NAME_VARIANTS } from "./name-variants";
import { compareWords, isTypo, type WordRelation } from "./compare-words";

// Names that differ only by their gendered ending are two people: Mario and María, Daniel and Daniela.
function gendered(a: string, b: string) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long === `${short}a` || long === `${short}o`) return true;
  return a.length === b.length && a.slice(0, -1) === b.slice(0, -1) && /[aoe]/.test(a.at(-1)!) && /[aoe]/.test(b.at(-1)!);
}

function nicknameOf(nickname: string, name: string) {
  return AMBIGUOUS_NAME_VARIANTS[nickname]?.includes(name) ?? false;
}

/** Two words of people's names: an initial (J. and Juan), a nickname of several names (Beto and Roberto), or a slip. */
export function pairNameWords(a: string, b: string): "variant" | "typo" | null {
  if (gendered(a, b)) return null;
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return "variant";
  if (nicknameOf(a, b) || nicknameOf(b, a)) return "variant";
  return isTypo(a, b) ? "typo" : null;
}

/** How the names of two people relate, from their nameWords (database function person_name_words). */
export function comparePersonNames(first: readonly string[], second: readonly string[]): WordRelation {
  return compareWords(first, second, pairNameWords);
}
