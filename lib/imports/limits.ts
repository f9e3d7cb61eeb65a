import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  // An XLSX is a zip archive: refuse before unpacking when it would expand beyond this or hold too many parts.
  unpackedBytes: 100 * 1024 * 1024,
  archiveEntries: 1_000,
  compressionRatio: 100,
} as const;

export type ImportFileProblem =
  "tooLarge" | "tooManyRows" | "unsafeArchive" | "unreadable" | "empty" | "unsupportedType" | "nulBytes" | "rejected";

/** A file that cannot be imported; `problem` maps to imports.fileErrors.<problem> in the catalogs. */
export class ImportFileError extends AppError {
  constructor(
    readonly problem: ImportFileProblem,
    readonly values: Record<string, number | string> = {},
  ) {
    super("VALIDATION", `Import file refused: ${problem}`, {
      field: "file",
      messageKey: `imports.fileErrors.${problem}`,
      messageValues: values,
    });
  }
}

/**
 * A write of an import refused by the database for its data (not for being away: that stays a 503):
 * the user gets imports.fileErrors.rejected, never "something went wrong"; the cause is logged.
 */
export function asImportRefusal(error: unknown): unknown {
  if (error instanceof AppError || isDatabaseUnavailable(error)) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && /^P2\d{3}$/.test(code)) {
    logger.warn({ err: { code, message: (error as Error).message?.slice(0, 500) } }, "import refused by the database");
    return new ImportFileError("rejected");
  }
  return error;
}
