import { z } from "zod";
import { AppError } from "@/lib/errors";
import { withActor } from "@/lib/http/api";
import { commitParticipantImport, type RowDecision } from "@/lib/imports/commit-participant-import";
import { describeParticipantImport } from "@/lib/imports/describe-participant-import";
import { idField } from "@/lib/validation/fields";

// Keyed by the spreadsheet row number the GET gives; "new", "skip", or the id of one of the row's candidates.
const bodySchema = z.object({
  decisions: z
    .union([z.literal("suggested"), z.record(z.string().regex(/^\d{1,6}$/), z.union([z.literal("new"), z.literal("skip"), idField]))])
    .optional(),
  defaultNetworkId: idField.optional(),
});

/**
 * Commits an import: `{"decisions": "suggested"}` accepts every suggestion; a map decides rows
 * one by one (possible rows left out must be decided: 400 with their rows). 200 with every row's
 * final person and organization. A committed import commits nothing again and answers the same.
 */
export const POST = withActor<{ params: Promise<{ importId: string }> }>(async (request, { actor, params }) => {
  const { importId } = await params;
  const parsed = bodySchema.safeParse(await request.json().catch(() => ({})));
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid decisions", { field: "decisions" });
  const { decisions, defaultNetworkId } = parsed.data;
  const perRow =
    decisions && decisions !== "suggested"
      ? Object.fromEntries(
          Object.entries(decisions).map(([row, choice]): [number, RowDecision] => [
            Number(row) - 2,
            choice === "new" ? { action: "create" } : choice === "skip" ? { action: "skip" } : { action: "use", personId: choice },
          ]),
        )
      : undefined;
  await commitParticipantImport({ actor, importId, defaultNetworkId, decisions: decisions === "suggested" ? "suggested" : perRow });
  const described = await describeParticipantImport({ actor, importId });
  return { id: described.id, status: described.status, counts: described.counts, rows: described.rows };
});
