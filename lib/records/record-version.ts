import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Optimistic concurrency for edit forms: the form carries the record's version (its `updatedAt`, as the
 * page read it) and the save only writes while the record still has it. Otherwise someone saved in
 * between: the save is refused with the values now stored, and the form gets the new version, so saving
 * again replaces them knowingly (as attendance marks do with their `version`). Without a version (an API
 * client that sends none), the last write wins, as before.
 */
export const versionField = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.iso.datetime({ message: "validation.invalidChoice" }).optional());

/** The version a page gives its edit form. */
export const versionOf = (record: { updatedAt: Date }) => record.updatedAt.toISOString();

/** Added to an update's `where`: only while the record is as the form showed it. */
export const unchangedSince = (version: string | undefined) => (version ? { updatedAt: new Date(version) } : {});

/**
 * The refusal when an update matched nothing but the record exists: its stored values (of the fields the
 * form sends) go into the message, and its new version into the form.
 */
export function staleRecordError(stored: { updatedAt: Date } & Record<string, unknown>, fields: readonly string[]) {
  const values = fields
    .map((field) => stored[field])
    .filter((value): value is string | number | Date => value !== null && value !== undefined && value !== "")
    .map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)));
  return new AppError("CONFLICT", "Changed by someone else", {
    messageKey: "errors.staleRecord",
    messageValues: { stored: values.join(" · ") },
    replaceValues: { version: versionOf(stored) },
  });
}
