import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * Reusable field schemas. Error messages are catalog keys (validation.*), so
 * forms show them in the user's language.
 */
export const emailField = z
  .string({ message: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "validation.required" })
  .max(254, { message: "validation.tooLong" })
  .pipe(z.email({ message: "validation.email" }));

export const personNameField = z
  .string({ message: "validation.required" })
  .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }));

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordField = z
  .string({ message: "validation.required" })
  .min(PASSWORD_MIN_LENGTH, { message: "validation.passwordTooShort" })
  // argon2 hashes any length; a cap keeps a huge body from costing CPU.
  .max(200, { message: "validation.tooLong" });

export const localeField = z.enum(LOCALES, { message: "validation.invalidChoice" });

export const idField = z.string().trim().min(1, { message: "validation.required" }).max(64);

/** An optional select: "" means none. */
export const optionalIdField = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value ? value : undefined));

/** A checkbox group: absent means none, one box checked arrives as a single string. */
export const checkboxesField = <Item extends z.ZodType>(item: Item) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** Free text that may be left empty: trimmed, and "" becomes undefined. */
export const optionalTextField = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.tooLong" })
    .optional()
    .transform((value) => value || undefined);

/** An uploaded file (a form's <input type="file">): present and not empty, or the field's "required" message. */
export const uploadedFileField = z.custom<File>((value) => value instanceof File && value.size > 0, { message: "validation.required" });

/**
 * Forms whose fields are numbered (column-3, decision-12) are read through this: the numbered fields
 * become one record under `into` (index → value), validated by `value` like any other field, so an action
 * never walks the raw form. Used with z.preprocess before the action's object schema.
 */
export function groupIndexedFields(groups: Record<string, string>) {
  return (input: unknown) => {
    if (typeof input !== "object" || input === null) return input;
    const output: Record<string, unknown> = {};
    for (const into of Object.values(groups)) output[into] = {};
    for (const [key, value] of Object.entries(input)) {
      const group = Object.keys(groups).find((prefix) => key.startsWith(prefix) && /^\d{1,6}$/.test(key.slice(prefix.length)));
      if (group) (output[groups[group]!] as Record<string, unknown>)[key.slice(group.length)] = value;
      else output[key] = value;
    }
    return output;
  };
}

/** "3,8,12": a list of row numbers a form carries in one hidden field. */
export const rowNumbersField = z
  .string()
  .max(700_000)
  .regex(/^(\d{1,6}(,\d{1,6})*)?$/, { message: "validation.invalidChoice" })
  .default("")
  .transform((value) => (value ? value.split(",").map(Number) : []));
