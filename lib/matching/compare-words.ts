/**
 * How two lists of normalized words (from the database's person_name_words or
 * organization_name_words) relate, word by word: equal words first, then words that are
 * the same name written another way (an initial, a nickname of several names, a typo), and
 * what is left on each side. Pure, so the rules are tested without a database.
 */
export type WordRelation = {
  /** same: every word equal; variant: some words are initials or nicknames; typo: some misspelt;
   * partial: one side has words the other lacks (and nothing conflicts); different: each side has a word the other cannot explain. */
  kind: "same" | "variant" | "typo" | "partial" | "different";
  /** Words both sides share, equal or paired. */
  shared: number;
  /** Words only one side has (when the other side has none left). */
  missing: number;
  /** The missing words are the last ones of the longer name (a second surname left out). */
  missingTrailing: boolean;
  typos: number;
  variants: number;
  /** The words left unpaired on each side. */
  onlyFirst: string[];
  onlySecond: string[];
};

export type PairWords = (a: string, b: string) => "variant" | "typo" | null;

export function compareWords(first: readonly string[], second: readonly string[], pairWords: PairWords): WordRelation {
  // Positions still unpaired on each side.
  const a = first.map((_, index) => index);
  const b = second.map((_, index) => index);
  let shared = 0;
  let typos = 0;
  let variants = 0;
  // Equal words first, then variants, then typos: "j" is an initial of "juan" before it is anything else.
  for (const wanted of ["equal", "variant", "typo"] as const) {
    for (let i = a.length - 1; i >= 0; i--) {
      const word = first[a[i]!]!;
      const j = b.findIndex((index) => (wanted === "equal" ? second[index] === word : pairWords(word, second[index]!) === wanted));
      if (j < 0) continue;
      a.splice(i, 1);
      b.splice(j, 1);
      shared++;
      if (wanted === "typo") typos++;
      if (wanted === "variant") variants++;
    }
  }
  const missing = a.length && b.length ? 0 : a.length + b.length;
  const [left, words] = a.length ? [a, first] : [b, second];
  const missingTrailing = missing > 0 && left.every((index) => index >= words.length - missing);
  const kind = (a.length && b.length) || shared < 2 ? "different" : typos ? "typo" : missing ? "partial" : variants ? "variant" : "same";
  return {
    kind,
    shared,
    missing,
    missingTrailing,
    typos,
    variants,
    onlyFirst: a.map((index) => first[index]!),
    onlySecond: b.map((index) => second[index]!),
  };
}

// Letters Spanish spellings confuse: a change among them is a slip of the pen, not another word.
const CONFUSABLE = ["szcx", "bv", "iy", "gj", "kcq", "mn"];
const confusable = (x: string, y: string) => CONFUSABLE.some((set) => set.includes(x) && set.includes(y));

/**
 * The cost of turning one word into the other: a missing, extra or swapped letter costs 1,
 * a confusable letter (s/z, b/v, i/y…) or a silent h costs ½, any other letter 1 (1½ in words
 * under six letters), so that Marco and Mario are two names while Hernández and Hernandes are one.
 */
export function typoCost(a: string, b: string): number {
  // In words of six letters or more any wrong letter is a slip; in shorter ones it more often makes another name.
  const other = Math.min(a.length, b.length) >= 6 ? 1 : 1.5;
  const cols = b.length + 1;
  // One flat table, row by row (the duplicates page compares tens of thousands of words).
  const d = new Float64Array((a.length + 1) * cols);
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * cols] = i;
    const x = a[i - 1]!;
    for (let j = 1; j < cols; j++) {
      const y = b[j - 1]!;
      const substitution = x === y ? 0 : confusable(x, y) ? 0.5 : other;
      let cost = Math.min(
        d[(i - 1) * cols + j]! + (x === "h" ? 0.5 : 1),
        d[i * cols + j - 1]! + (y === "h" ? 0.5 : 1),
        d[(i - 1) * cols + j - 1]! + substitution,
      );
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) cost = Math.min(cost, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = cost;
    }
  }
  return d[a.length * cols + b.length]!;
}

// Names repeat: the same two words are compared again and again on the duplicates page. Bounded, so memory stays flat.
const typoMemo = new Map<string, boolean>();

/** One- or two-letter slips: one for words of four letters or more, two from eight. */
export function isTypo(a: string, b: string): boolean {
  const shortest = Math.min(a.length, b.length);
  // Numbers are not misspelt names ("Grupo 1" and "Grupo 2").
  if (shortest < 4 || /[0-9]/.test(a + b)) return false;
  const allowed = shortest >= 8 ? 2 : 1;
  // Each letter one word has beyond the other costs at least ½ (a silent h): no need to compare them letter by letter.
  if (Math.abs(a.length - b.length) / 2 > allowed) return false;
  const key = a < b ? `${a} ${b}` : `${b} ${a}`;
  let typo = typoMemo.get(key);
  if (typo === undefined) {
    typo = typoCost(a, b) <= allowed;
    if (typoMemo.size >= 50_000) typoMemo.clear();
    typoMemo.set(key, typo);
  }
  return typo;
}
