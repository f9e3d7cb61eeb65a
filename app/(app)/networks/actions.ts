"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { createNetwork, networkInputSchema, setNetworkActive, updateNetwork } from "@/lib/networks/save-network";
import { stateField } from "@/lib/registry/fields";
import { checkboxesField, idField, optionalIdField } from "@/lib/validation/fields";

const schema = networkInputSchema.extend({
  networkId: optionalIdField,
  version: versionField,
  states: checkboxesField(stateField).pipe(z.array(stateField).min(1, { message: "validation.required" })),
});

export const saveNetworkAction = guardedAction(
  { permission: "manage:registry", schema },
  async ({ networkId, version, ...input }, { actor }) => {
    const id = networkId
      ? (await updateNetwork({ actor, networkId, input, version }), networkId)
      : (await createNetwork({ actor, input })).id;
    return { revalidate: ["/networks", `/networks/${id}`], redirectTo: `/networks/${id}` };
  },
);

export const setNetworkActiveAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ networkId: idField, active: z.enum(["true", "false"]) }) },
  async (input, { actor }) => {
    await setNetworkActive({ actor, networkId: input.networkId, active: input.active === "true" });
    return {
      message: input.active === "true" ? "common.restored" : "common.deactivatedDone",
      revalidate: ["/networks", `/networks/${input.networkId}`],
    };
  },
);
