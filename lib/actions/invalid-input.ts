import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Validation that only a handler can do (e.g. a sub-form chosen at run time); fields carry `prefix` in the form. */
export class InvalidInputError extends AppError {
  constructor(
    readonly zodError: z.ZodError,
    readonly prefix = "",
  ) {
    super("VALIDATION", "Invalid input");
  }
}

/** Parses the fields of `formData` whose names start with `prefix`, or throws InvalidInputError. */
export function parsePrefixed<Schema extends z.ZodType>(
  schema: Schema,
  formData: Record<string, unknown>,
  prefix: string,
): z.output<Schema> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formData)) if (key.startsWith(prefix)) values[key.slice(prefix.length)] = value;
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InvalidInputError(parsed.error, prefix);
  return parsed.data;
}
