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
