import { withActor } from "@/lib/http/api";
import { describeParticipantImport } from "@/lib/imports/describe-participant-import";

/**
 * An import and every row: before commit its match (new, existing, possible, repeat, error),
 * candidates and the app's suggestion; after commit what happened, with each row's person and
 * organization. `row` is the spreadsheet's row number (the header is row 1); `index` counts data rows from 0.
 */
export const GET = withActor<{ params: Promise<{ importId: string }> }>(async (_request, { actor, params }) => {
  const { importId } = await params;
  return describeParticipantImport({ actor, importId });
});
