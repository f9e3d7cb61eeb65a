import type { Confidence } from "@/lib/dedupe/duplicate-types";

export type JudgedPair = { firstKey: string; secondKey: string; confidence: Confidence };

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * A record that is "high" with two records that are not "high" with each other is ambiguous
 * ("Ana López" and both "Ana López Pérez" and "Ana López Núñez" of her organization). When one
 * of its pairs is stronger than every pair it conflicts with (the same email, a person registered
 * with both organizations), that pair stays and the others become "medium"; otherwise they all
 * do, so that nothing merges or links them on its own and a person decides.
 * Returns new pair objects; the input is not changed.
 */
export function settlePairs<Pair extends JudgedPair & { strength: number }>(pairs: Pair[]): Pair[] {
  const high = new Map<string, number>();
  const partners = new Map<string, string[]>();
  for (const pair of pairs) {
    if (pair.confidence !== "high") continue;
    high.set(pairKey(pair.firstKey, pair.secondKey), pair.strength);
    for (const [one, other] of [
      [pair.firstKey, pair.secondKey],
      [pair.secondKey, pair.firstKey],
    ] as const) {
      const list = partners.get(one);
      if (list) list.push(other);
      else partners.set(one, [other]);
    }
  }
  const demoted = new Set<string>();
  for (const [record, others] of partners) {
    if (others.length < 2) continue;
    const strength = (other: string) => high.get(pairKey(record, other))!;
    for (const one of others) {
      const rivals = others.filter((other) => other !== one && !high.has(pairKey(one, other)));
      if (!rivals.length) continue;
      // This pair survives only when it is stronger than every pair it cannot stand with.
      if (!rivals.every((rival) => strength(one) > strength(rival))) demoted.add(pairKey(record, one));
    }
  }
  return pairs.map((pair) =>
    demoted.has(pairKey(pair.firstKey, pair.secondKey)) ? { ...pair, confidence: "medium" as const } : { ...pair },
  );
}

/**
 * Records that are one, as groups of keys, from "high" pairs: the strongest pairs join first, and
 * two groups join only when nothing between them says otherwise, that is, no pair across them was
 * judged and found less than "high", and no two records already in the registry (`stored`) meet
 * without a "high" pair of their own. So a chain of look-alikes (Elena Guerrero Martínez,
 * "Elena Guerrero" twice, Elena Guerrero Ochoa) never makes two stored people one.
 */
export function highGroups(pairs: Array<JudgedPair & { strength?: number }>, stored: (key: string) => boolean = () => true): string[][] {
  const judged = new Map(pairs.map((pair) => [pairKey(pair.firstKey, pair.secondKey), pair.confidence]));
  const apart = (a: string, b: string) => {
    const confidence = judged.get(pairKey(a, b));
    return confidence ? confidence !== "high" : stored(a) && stored(b);
  };
  const groupOf = new Map<string, string[]>();
  const edges = pairs.filter((pair) => pair.confidence === "high").sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0));
  for (const edge of edges) {
    const first = groupOf.get(edge.firstKey) ?? [edge.firstKey];
    const second = groupOf.get(edge.secondKey) ?? [edge.secondKey];
    if (first === second) continue;
    if (first.some((a) => second.some((b) => apart(a, b)))) continue;
    const joined = [...first, ...second];
    for (const key of joined) groupOf.set(key, joined);
  }
  return [...new Set(groupOf.values())].map((group) => [...group].sort());
}
