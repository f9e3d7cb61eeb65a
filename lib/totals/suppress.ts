/** What a funder sees in a breakdown cell: counts of 1 to 4 are hidden, so no cell can point at a few people. */
export type SuppressedCount = number | "<5";

export const SMALL_CELL_LIMIT = 5;

export function suppressSmallCount(value: number): SuppressedCount {
  return value > 0 && value < SMALL_CELL_LIMIT ? "<5" : value;
}
