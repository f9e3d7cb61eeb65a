import type { z } from "zod";

/** zod issues → translated messages per field. Issue messages are catalog keys (validation.*). */
export function fieldErrorsFrom(error: z.ZodError, translate: (key: string) => string, prefix = "") {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    (fieldErrors[`${prefix}${String(issue.path[0] ?? "form")}`] ??= []).push(translate(issue.message));
  }
  return fieldErrors;
}
