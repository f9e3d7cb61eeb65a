"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { commitParticipantImport, type RowDecision } from "@/lib/imports/commit-participant-import";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/imports/guess-mapping";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { uploadParticipantImport } from "@/lib/imports/upload-participant-import";
import { groupIndexedFields, idField, optionalIdField, rowNumbersField, uploadedFileField } from "@/lib/validation/fields";

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

/** Columns arrive as column-<index> = field, or "" for "do not import". */
const mappingSchema = z.preprocess(
  groupIndexedFields({ "column-": "columns" }),
  z.object({
    importId: idField,
    presetName: z
      .string()
      .trim()
      .max(80)
      .optional()
      .transform((value) => value || undefined),
    columns: z.record(z.string(), z.enum(["", ...IMPORT_FIELDS], { message: "validation.invalidChoice" })),
  }),
);

export const saveMappingAction = guardedAction({ permission: "manage:registry", schema: mappingSchema }, async (input, { actor }) => {
  const mapping: ColumnMapping = Object.fromEntries(
    Object.entries(input.columns).map(([column, field]) => [Number(column), field === "" ? null : field]),
  );
  await saveImportMapping({ actor, importId: input.importId, mapping, presetName: input.presetName });
  return { message: "imports.mappingSaved", revalidate: [`/imports/${input.importId}`] };
});

/**
 * Decisions arrive as decision-<row> = create | skip | use:<personId>; "all-possible" applies one choice to
 * every undecided row listed in possibleRows.
 */
const decisionField = z.union([
  z.enum(["create", "skip"]).transform((action) => ({ action })),
  z
    .string()
    .regex(/^use:[\w-]{1,64}$/, { message: "validation.invalidChoice" })
    .transform((value) => ({ action: "use" as const, personId: value.slice(4) })),
]);

const commitSchema = z.preprocess(
  groupIndexedFields({ "decision-": "decisions" }),
  z.object({
    importId: idField,
    defaultNetworkId: optionalIdField,
    allPossible: z.enum(["", "create", "skip"]).optional(),
    acceptSuggestions: z.literal("1").optional(),
    possibleRows: rowNumbersField,
    decisions: z.record(z.string(), decisionField),
  }),
);

export const commitImportAction = guardedAction({ permission: "manage:registry", schema: commitSchema }, async (input, { actor }) => {
  const decisions: Record<number, RowDecision> = Object.fromEntries(
    Object.entries(input.decisions).map(([row, decision]) => [Number(row), decision]),
  );
  const allPossible = input.allPossible;
  if (allPossible) for (const row of input.possibleRows) decisions[row] ??= { action: allPossible };
  await commitParticipantImport({
    actor,
    importId: input.importId,
    defaultNetworkId: input.defaultNetworkId,
    decisions,
    acceptSuggestions: input.acceptSuggestions === "1",
  });
  return { redirectTo: `/imports/${input.importId}` };
});
