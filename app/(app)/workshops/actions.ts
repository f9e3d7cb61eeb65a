"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { saveWorkshop, switchFutureSessionsToVirtual, workshopInputSchema } from "@/lib/sessions/schedule";
import { idField } from "@/lib/validation/fields";

export const saveWorkshopAction = guardedAction(
  {
    permission: "manage:sessions",
    schema: workshopInputSchema.extend({ generationId: idField, workshopId: idField.optional(), version: versionField }),
  },
  async ({ generationId, workshopId, version, ...input }, { actor }) => {
    const saved = await saveWorkshop({ actor, generationId, workshopId, input, version });
    return { revalidate: [`/generations/${generationId}`], redirectTo: `/workshops/${saved.workshopId}` };
  },
);

export const switchToVirtualAction = guardedAction(
  { permission: "manage:sessions", schema: z.object({ generationId: idField }) },
  async (input, { actor }) => {
    const { changed } = await switchFutureSessionsToVirtual({ actor, generationId: input.generationId });
    return { message: "workshops.switched", data: { changed: String(changed) }, revalidate: [`/generations/${input.generationId}`] };
  },
);
