"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { setEnrollmentStatus } from "@/lib/enrollments/set-enrollment-status";
import { addAffiliation, createPerson, setPersonActive, updatePerson } from "@/lib/people/save-person";
import { enrollmentStatusField, personInputSchema } from "@/lib/registry/fields";
import { optionalTextField, idField, optionalIdField } from "@/lib/validation/fields";

const createSchema = personInputSchema.extend({
  organizationId: optionalIdField,
  title: optionalTextField(120),
  personChoice: z.string().optional(),
});

export const createPersonAction = guardedAction({ permission: "manage:registry", schema: createSchema }, async (input, { actor }) => {
  const { organizationId, title, personChoice, ...person } = input;
  // Choosing an existing record from the duplicate warning opens it instead of creating another.
  if (personChoice?.startsWith("existing:")) return { redirectTo: `/people/${personChoice.slice("existing:".length)}` };
  const created = await createPerson({ actor, input: person, organizationId, title, allowSimilar: personChoice === "new" });
  return { revalidate: ["/people"], redirectTo: `/people/${created.id}` };
});

export const updatePersonAction = guardedAction(
  { permission: "manage:registry", schema: personInputSchema.extend({ personId: idField, version: versionField }) },
  async (input, { actor }) => {
    const { personId, version, ...person } = input;
    await updatePerson({ actor, personId, input: person, version });
    return { revalidate: ["/people", `/people/${personId}`], redirectTo: `/people/${personId}` };
  },
);

export const setPersonActiveAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ personId: idField, active: z.enum(["true", "false"]) }) },
  async (input, { actor }) => {
    await setPersonActive({ actor, personId: input.personId, active: input.active === "true" });
    return {
      message: input.active === "true" ? "common.restored" : "common.deactivatedDone",
      revalidate: ["/people", `/people/${input.personId}`],
    };
  },
);

export const setEnrollmentStatusAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ enrollmentId: idField, personId: idField, status: enrollmentStatusField }) },
  async (input, { actor }) => {
    await setEnrollmentStatus({ actor, enrollmentId: input.enrollmentId, status: input.status });
    return { message: "people.statusChanged", revalidate: [`/people/${input.personId}`] };
  },
);

export const addAffiliationAction = guardedAction(
  { permission: "manage:registry", schema: z.object({ personId: idField, organizationId: idField, title: createSchema.shape.title }) },
  async (input, { actor }) => {
    await addAffiliation({ actor, personId: input.personId, organizationId: input.organizationId, title: input.title });
    return { message: "common.saved", revalidate: [`/people/${input.personId}`] };
  },
);
