import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { previewParticipantImport, type RowPreview } from "./preview-participant-import";

/** A row as the API names its match: new, an existing person, possibly one (a decision), a repeat of an earlier row, or an error. */
export type RowOutcome = "new" | "existing" | "possible" | "repeat" | "error";

/** The spreadsheet's own row number: the header is row 1, so the first data row is 2 (as the review page says). */
export const spreadsheetRow = (index: number) => index + 2;

export function outcomeOf(row: RowPreview): RowOutcome {
  if (row.errors.length) return "error";
  const status = row.personMatch.status;
  return status === "same-as-row" ? "repeat" : status;
}

/** A suggestion as the API writes decisions: "new", "skip" or a person's id; a repeat follows its row and has none. */
function suggestionOf(row: RowPreview) {
  const suggested = row.suggested;
  if (suggested.action === "follow") return undefined;
  if (suggested.action === "use") return suggested.personId;
  return suggested.action === "create" ? "new" : "skip";
}

/**
 * An import as `GET /api/v1/imports/{id}` gives it. Before commit: each row's match, candidates
 * and the app's suggestion. After: what the commit did (kept with the import, not checked again).
 */
export async function describeParticipantImport(options: { actor: Actor; importId: string }) {
  const preview = await previewParticipantImport(options);
  const committed = preview.import.status === "COMMITTED";
  const results = new Map((preview.import.results ?? []).map((result) => [result.index, result]));
  return {
    id: preview.import.id,
    status: preview.import.status,
    fileName: preview.import.fileName,
    generationId: preview.generation.id,
    columns: columnsOf(preview.import),
    counts: committed ? preview.import.counts : preview.counts,
    rows: preview.rows.map((row) => {
      const base = { row: spreadsheetRow(row.index), index: row.index };
      if (committed) {
        const result = results.get(row.index);
        return {
          ...base,
          outcome: result?.match ?? outcomeOf(row),
          result: result?.outcome ?? "skipped",
          personId: result?.personId,
          organizationId: result?.organizationId,
          ...(result?.emailLeftOut ? { emailLeftOut: true } : {}),
        };
      }
      const match = row.personMatch;
      return {
        ...base,
        outcome: outcomeOf(row),
        personId: match.status === "existing" ? match.personId : undefined,
        organizationId: row.organizationMatch.status === "existing" ? row.organizationMatch.organizationId : undefined,
        sameAsRow: match.status === "same-as-row" ? spreadsheetRow(match.row) : undefined,
        candidates:
          match.status === "possible"
            ? match.candidates.map(({ personId, confidence, reasons, name, organization, network, state }) => ({
                personId,
                confidence,
                reasons,
                ...(name ? { name, organization, network, state } : {}),
              }))
            : undefined,
        suggested: row.errors.length ? undefined : suggestionOf(row),
        suggestedState: row.organizationMatch.status === "new" ? row.organizationMatch.suggestedState : undefined,
        errors: row.errors.length ? row.errors : undefined,
      };
    }),
  };
}

/** Each column of the file and the field it was mapped to. */
export function columnsOf(draft: { headers: string[]; mapping: Record<number, string | null> }) {
  return draft.headers.map((header, column) => ({ column, header, field: draft.mapping[column] ?? null }));
}
