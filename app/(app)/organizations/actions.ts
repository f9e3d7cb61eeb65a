"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { enrollPeople } from "@/lib/enrollments/enroll-people";
import { createOrganization, setOrganizationActive, updateOrganization } from "@/lib/organizations/save-organization";
import { organizationInputSchema } from "@/lib/registry/fields";
import { checkboxesField, idField, optionalIdField } from "@/lib/validation/fields";

export const createOrganizationAction = guardedAction(
  {
    permission: "manage:registry",
    schema: organizationInputSchema.extend({ networkId: optionalIdField, organizationChoice: z.string().optional() }),
  },
  async ({ networkId, organizationChoice, ...input }, { actor }) => {
    if (organizationChoice?.startsWith("existing:"))
      return { redirectTo: `/organizations/${organizationChoice.slice("existing:".length)}` };
    const created = await createOrganization({ actor, input, networkId, allowSimilar: organizationChoice === "new" });
    return { revalidate: ["/organizations"], redirectTo: `/organizations/${created.id}` };
  },
);

export const updateOrganizationAction = guardedAction(
  { permission: "manage:registry", schema: organizationInputSchema.extend({ organizationId: idField, version: versionField }) },
  async ({ organizationId, version, ...input }, { actor }) => {
    await updateOrganization({ actor, organizationId, input, version });
    return { revalidate: ["/organizations", `/organizations/${organizationId}`], redirectTo: `/organizations/${organizationId}` };
  },
);

export const setOrganizationActiveAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ organizationId: idField, active: z.enum(["true", "false"]) }) },
  async (input, { actor }) => {
    await setOrganizationActive({ actor, organizationId: input.organizationId, active: input.active === "true" });
    return {
      message: input.active === "true" ? "common.restored" : "common.deactivatedDone",
      revalidate: ["/organizations", `/organizations/${input.organizationId}`],
    };
  },
);

const enrollSchema = z.object({
  organizationId: idField,
  target: z.string().regex(/^[^|]+\|[^|]+$/, { message: "validation.invalidChoice" }),
  personIds: checkboxesField(idField),
});

export const enrollPeopleAction = guardedAction({ permission: "manage:registry", schema: enrollSchema }, async (input, { actor }) => {
  const [generationId = "", networkId = ""] = input.target.split("|");
  const result = await enrollPeople({ actor, organizationId: input.organizationId, generationId, networkId, personIds: input.personIds });
  return {
    data: { created: String(result.created), skipped: String(result.skipped) },
    revalidate: [`/organizations/${input.organizationId}`, `/generations/${generationId}`],
  };
});
