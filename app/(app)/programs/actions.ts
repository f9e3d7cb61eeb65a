"use server";

import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { addProgramPartner, partnerInputSchema, programInputSchema, removeProgramPartner, saveProgram } from "@/lib/programs/save-program";
import { idField, optionalIdField } from "@/lib/validation/fields";

export const saveProgramAction = guardedAction(
  { permission: "manage:users", schema: programInputSchema.extend({ programId: optionalIdField, version: versionField }) },
  async ({ programId, version, ...input }, { actor }) => {
    const saved = await saveProgram({ actor, programId, input, version });
    return { revalidate: ["/", `/programs/${saved.programId}`], redirectTo: `/programs/${saved.programId}` };
  },
);

export const addPartnerAction = guardedAction(
  { permission: "manage:users", schema: partnerInputSchema.extend({ programId: idField }) },
  async ({ programId, ...partner }, { actor }) => {
    await addProgramPartner({ actor, programId, partner });
    return { message: "common.saved", revalidate: [`/programs/${programId}`] };
  },
);

export const removePartnerAction = guardedAction(
  { permission: "manage:users", schema: partnerInputSchema.extend({ programId: idField }) },
  async ({ programId, ...partner }, { actor }) => {
    await removeProgramPartner({ actor, programId, partner });
    return { message: "common.saved", revalidate: [`/programs/${programId}`] };
  },
);
