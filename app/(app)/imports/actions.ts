"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { commitParticipantImport, type RowDecision } from "@/lib/imports/commit-participant-import";
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/imports/guess-mapping";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { uploadParticipantImport } from "@/lib/imports/upload-participant-import";
import { idField, optionalIdField, uploadedFileField } from "@/lib/validation/fields";

export const uploadImportAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ generationId: idField, file: uploadedFileField }) },
  async (input, { actor }) => {
    const file = input.file;
    const { importId } = await uploadParticipantImport({
      actor,
      generationId: input.generationId,
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return { redirectTo: `/imports/${importId}` };
  },
);

/** Columns arrive as column-<index> = field (or "" for "do not import"). */
function mappingFrom(raw: Record<string, unknown>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [key, value] of Object.entries(raw)) {
    const column = /^column-(\d{1,4})$/.exec(key)?.[1];
    if (column === undefined) continue;
    mapping[Number(column)] =
      typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value) ? (value as ImportField) : null;
  }
  return mapping;
}

export const saveMappingAction = guardedAction(
  {
    permission: "manage:registry",
    schema: z.object({
      importId: idField,
      presetName: z
        .string()
        .trim()
        .max(80)
        .optional()
        .transform((value) => value || undefined),
    }),
  },
  async (input, { actor, raw }) => {
    await saveImportMapping({ actor, importId: input.importId, mapping: mappingFrom(raw), presetName: input.presetName });
    return { message: "imports.mappingSaved", revalidate: [`/imports/${input.importId}`] };
  },
);

/** Decisions arrive as decision-<row> = create | skip | use:<personId>; "all-possible" applies one choice to every undecided possible row. */
function decisionsFrom(raw: Record<string, unknown>): Record<number, RowDecision> {
  const decisions: Record<number, RowDecision> = {};
  for (const [key, value] of Object.entries(raw)) {
    const row = /^decision-(\d{1,6})$/.exec(key)?.[1];
    if (row === undefined || typeof value !== "string") continue;
    if (value === "create" || value === "skip") decisions[Number(row)] = { action: value };
    else if (value.startsWith("use:") && value.length <= 70) decisions[Number(row)] = { action: "use", personId: value.slice(4) };
  }
  return decisions;
}

export const commitImportAction = guardedAction(
  {
    permission: "manage:registry",
    schema: z.object({
      importId: idField,
      defaultNetworkId: optionalIdField,
      allPossible: z.enum(["", "create", "skip"]).optional(),
      acceptSuggestions: z.literal("1").optional(),
    }),
  },
  async (input, { actor, raw }) => {
    const decisions = decisionsFrom(raw);
    const possibleRows = String(raw.possibleRows ?? "")
      .split(",")
      .filter(Boolean)
      .map(Number);
    if (input.allPossible) for (const row of possibleRows) decisions[row] ??= { action: input.allPossible };
    await commitParticipantImport({
      actor,
      importId: input.importId,
      defaultNetworkId: input.defaultNetworkId,
      decisions,
      acceptSuggestions: input.acceptSuggestions === "1",
    });
    return { redirectTo: `/imports/${input.importId}` };
  },
);
