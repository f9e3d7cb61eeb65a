/**
 * What a merge changed, kept on its RecordMerge row so that undo can put everything back:
 * the merged record as it was, the survivor's values before and after, the ids of the rows
 * that moved to the survivor, and the rows removed because the survivor already had one.
 */
export type MergeSnapshot = {
  record: Record<string, unknown>;
  survivorBefore: Record<string, unknown>;
  survivorAfter: Record<string, unknown>;
  moved: Record<string, string[]>;
  removed: Record<string, Record<string, unknown>[]>;
};

/** Which record gives each field its surviving value. */
export type FieldChoice = "survivor" | "merged";

/** Values as JSON keeps them (dates become ISO strings, which Prisma accepts back). */
export function jsonRow<Row extends object>(row: Row): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

export function chooseValues<Field extends string>(
  fields: readonly Field[],
  survivor: Record<Field, unknown>,
  merged: Record<Field, unknown>,
  choices: Partial<Record<Field, FieldChoice>>,
) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of fields) {
    if (choices[field] !== "merged" || merged[field] === survivor[field]) continue;
    before[field] = survivor[field];
    after[field] = merged[field];
  }
  return { before, after };
}
