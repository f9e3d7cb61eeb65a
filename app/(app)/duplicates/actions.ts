"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { dismissDuplicate } from "@/lib/dedupe/dismiss-duplicate";
import { mergeOrganizations, ORGANIZATION_MERGE_FIELDS } from "@/lib/dedupe/merge-organizations";
import { mergePeople, PERSON_MERGE_FIELDS } from "@/lib/dedupe/merge-people";
import type { FieldChoice } from "@/lib/dedupe/merge-snapshot";
import { mergeHighConfidencePairs } from "@/lib/dedupe/merge-high-confidence";
import { undoMerge } from "@/lib/dedupe/undo-merge";
import { undoMergeBatch } from "@/lib/dedupe/undo-merge-batch";
import { idField, optionalIdField } from "@/lib/validation/fields";

const pairSchema = z.object({ firstId: idField, secondId: idField, kind: z.enum(["PERSON", "ORGANIZATION"]) });

export const dismissDuplicateAction = guardedAction({ permission: "merge:registry", schema: pairSchema }, async (input, { actor }) => {
  await dismissDuplicate({ actor, kind: input.kind, ids: [input.firstId, input.secondId] });
  return { message: "dedupe.dismissed", revalidate: ["/duplicates"] };
});

/**
 * The form names the records "first" and "second" as the page shows them; `keep` says which one survives,
 * and each field-<name> which record's value it keeps.
 */
function mergeSchema<Field extends string>(fields: readonly Field[]) {
  const side = z.enum(["first", "second"], { message: "validation.invalidChoice" }).optional();
  const sides: Record<string, typeof side> = Object.fromEntries(fields.map((field) => [`field-${field}`, side]));
  return z.object({ firstId: idField, secondId: idField, keep: z.enum(["first", "second"]), ...sides }).transform((input) => {
    const [survivorId, mergedId] = input.keep === "first" ? [input.firstId, input.secondId] : [input.secondId, input.firstId];
    const choices: Partial<Record<Field, FieldChoice>> = {};
    for (const field of fields) {
      const chosen = (input as Record<string, unknown>)[`field-${field}`];
      if (chosen) choices[field] = chosen === input.keep ? "survivor" : "merged";
    }
    return { survivorId: survivorId as string, mergedId: mergedId as string, choices };
  });
}

export const mergePeopleAction = guardedAction(
  { permission: "merge:registry", schema: mergeSchema(PERSON_MERGE_FIELDS) },
  async (input, { actor }) => {
    const { mergeId } = await mergePeople({ actor, ...input });
    return { redirectTo: `/duplicates/merges/${mergeId}`, revalidate: ["/duplicates"] };
  },
);

export const mergeOrganizationsAction = guardedAction(
  { permission: "merge:registry", schema: mergeSchema(ORGANIZATION_MERGE_FIELDS) },
  async (input, { actor }) => {
    const { mergeId } = await mergeOrganizations({ actor, ...input });
    return { redirectTo: `/duplicates/merges/${mergeId}`, revalidate: ["/duplicates"] };
  },
);

export const undoMergeAction = guardedAction(
  { permission: "merge:registry", schema: z.object({ mergeId: idField }) },
  async (input, { actor }) => {
    await undoMerge({ actor, mergeId: input.mergeId });
    return { message: "dedupe.undone", revalidate: [`/duplicates/merges/${input.mergeId}`, "/duplicates"] };
  },
);

/** "Merge all high-confidence pairs", confirmed on its review screen: one batch, then its page (with the undo). */
export const mergeHighAction = guardedAction(
  { permission: "merge:registry", schema: z.object({ kind: z.enum(["people", "organizations"]), generationId: optionalIdField }) },
  async (input, { actor }) => {
    const { batchId } = await mergeHighConfidencePairs({ actor, kind: input.kind, generationId: input.generationId });
    if (!batchId) return { message: "dedupe.nothingToMerge", revalidate: ["/duplicates"] };
    return { revalidate: ["/duplicates"], redirectTo: `/duplicates/batches/${batchId}` };
  },
);

export const undoBatchAction = guardedAction(
  { permission: "merge:registry", schema: z.object({ batchId: idField }) },
  async (input, { actor }) => {
    await undoMergeBatch({ actor, batchId: input.batchId });
    return { message: "dedupe.batchUndone", revalidate: ["/duplicates", `/duplicates/batches/${input.batchId}`] };
  },
);
