/**
 * What a funder sees in a breakdown cell: counts of 1 to 4 are hidden ("<5"), so no cell can point at a
 * few people; a cell hidden so that those cannot be recovered by subtraction reads "≥5" (true, and no more).
 */
export type SuppressedCount = number | "<5" | "≥5";

export const SMALL_CELL_LIMIT = 5;

/**
 * One breakdown (the cells of a table, a chart, a PDF table or an API list that add up to a shown total)
 * as a funder sees it. The one suppression rule, for every place that shows a breakdown:
 * - primary: a cell of 1 to 4 is hidden ("<5");
 * - complementary: a hidden cell must not be derivable by subtraction from the total and the visible
 *   cells, so while fewer than two cells are hidden, or the hidden cells add up to less than 5 (their
 *   sum is what subtraction reveals), the smallest visible non-zero cell is hidden too ("≥5");
 * - a view of fewer than 5 people in all (`total`, e.g. a dashboard filtered to one small network)
 *   hides every non-zero cell.
 * Zeros stay visible: an empty category reveals nobody. Whoever may see personal data gets the numbers.
 */
export function suppressBreakdown(values: number[], options: { suppressed: boolean; total?: number }): SuppressedCount[] {
  if (!options.suppressed) return values;
  if (options.total !== undefined && options.total < SMALL_CELL_LIMIT) return values.map((value) => (value > 0 ? "<5" : value));
  const hidden = new Set(values.flatMap((value, index) => (value > 0 && value < SMALL_CELL_LIMIT ? [index] : [])));
  const hiddenSum = () => [...hidden].reduce((sum, index) => sum + values[index]!, 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenSum() < SMALL_CELL_LIMIT)) {
    const next = values
      .map((value, index) => ({ value, index }))
      .filter(({ value, index }) => value > 0 && !hidden.has(index))
      .sort((a, b) => a.value - b.value || a.index - b.index)[0];
    if (!next) break;
    hidden.add(next.index);
  }
  return values.map((value, index) => (hidden.has(index) ? (value < SMALL_CELL_LIMIT ? "<5" : "≥5") : value));
}

/**
 * A table of rows whose `totals` columns are each a breakdown of the given total: each column is
 * suppressed as a whole by suppressBreakdown; the other fields stay as they are.
 */
export function suppressColumns<Row, Key extends keyof Row & string>(
  rows: Row[],
  totals: Record<Key, number>,
  suppressed: boolean,
): Array<Omit<Row, Key> & Record<Key, SuppressedCount>> {
  const columns = Object.fromEntries(
    (Object.entries(totals) as Array<[Key, number]>).map(([key, total]) => [
      key,
      suppressBreakdown(
        rows.map((row) => row[key] as number),
        { suppressed, total },
      ),
    ]),
  ) as Record<Key, SuppressedCount[]>;
  return rows.map((row, index) => ({
    ...row,
    ...(Object.fromEntries(Object.keys(totals).map((key) => [key, columns[key as Key][index]!])) as Record<Key, SuppressedCount>),
  }));
}
