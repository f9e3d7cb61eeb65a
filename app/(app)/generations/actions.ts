"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { saveGeneration, setGenerationActive } from "@/lib/generations/save-generation";
import { generationInputSchema } from "@/lib/registry/fields";
import { checkboxesField, idField, optionalIdField } from "@/lib/validation/fields";

const schema = generationInputSchema.extend({
  programId: idField,
  generationId: optionalIdField,
  version: versionField,
  networkIds: checkboxesField(idField),
});

export const saveGenerationAction = guardedAction(
  { permission: "manage:registry", schema },
  async ({ programId, generationId, version, ...input }, { actor }) => {
    const saved = await saveGeneration({ actor, programId, generationId, input, version });
    return { revalidate: ["/generations", `/programs/${programId}`], redirectTo: `/generations/${saved.generationId}` };
  },
);

export const deactivateGenerationAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ generationId: idField }) },
  async (input, { actor }) => {
    const { programId } = await setGenerationActive({ actor, generationId: input.generationId, active: false });
    return { revalidate: ["/generations", `/programs/${programId}`], redirectTo: `/programs/${programId}` };
  },
);
