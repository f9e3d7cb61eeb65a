import { AppError } from "@/lib/errors";

export const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  // An XLSX is a zip archive: refuse before unpacking when it would expand beyond this or hold too many parts.
  unpackedBytes: 100 * 1024 * 1024,
  archiveEntries: 1_000,
  compressionRatio: 100,
} as const;

export type ImportFileProblem = "tooLarge" | "tooManyRows" | "unsafeArchive" | "unreadable" | "empty" | "unsupportedType";

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
