"use server";

import { z } from "zod";
import { duplicateChoice } from "@/lib/actions/duplicate-choice";
import { guardedAction } from "@/lib/actions/guarded-action";
import { parsePrefixed } from "@/lib/actions/invalid-input";
import { registerParticipant, type OrganizationChoice, type PersonChoice } from "@/lib/enrollments/register-participant";
import { fullName } from "@/lib/people/person-select";
import { organizationInputSchema, personInputSchema } from "@/lib/registry/fields";
import { optionalTextField, idField } from "@/lib/validation/fields";

const NEW_ORGANIZATION = "__new__";

const registrationSchema = z.object({
  generationId: idField,
  networkId: z.string({ message: "validation.required" }).trim().min(1, { message: "validation.required" }),
  organizationId: z.string().trim().min(1, { message: "validation.required" }),
  title: optionalTextField(120),
  personChoice: z.string().optional(),
  organizationChoice: z.string().optional(),
  // Empty: from the start of the generation.
  joinedOn: z.iso
    .date({ message: "validation.date" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const registerParticipantAction = guardedAction(
  { permission: "manage:registry", schema: registrationSchema },
  async (input, { actor, raw }) => {
    const personChoice = duplicateChoice(input.personChoice);
    const person: PersonChoice =
      "existingId" in personChoice
        ? personChoice
        : { input: parsePrefixed(personInputSchema, raw, "p_"), allowSimilar: personChoice.allowSimilar };

    const organizationChoice = duplicateChoice(input.organizationChoice);
    const organization: OrganizationChoice =
      "existingId" in organizationChoice
        ? organizationChoice
        : input.organizationId !== NEW_ORGANIZATION
          ? { existingId: input.organizationId }
          : { input: parsePrefixed(organizationInputSchema, raw, "o_"), allowSimilar: organizationChoice.allowSimilar };

    const result = await registerParticipant({
      actor,
      generationId: input.generationId,
      networkId: input.networkId,
      person,
      organization,
      title: input.title,
      joinedOn: input.joinedOn ? new Date(`${input.joinedOn}T00:00:00Z`) : undefined,
    });
    const name = "input" in person ? fullName(person.input) : "";
    return {
      message: "register.done",
      data: { personId: result.personId, name },
      revalidate: [`/generations/${input.generationId}`, "/people", "/organizations"],
    };
  },
);
