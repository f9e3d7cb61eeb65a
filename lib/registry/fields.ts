import { z } from "zod";
import { AgeRange, EnrollmentStatus, Gender, GenerationStatus, MexicanState, OrganizationType } from "@/lib/generated/prisma/enums";
import { emailField, personNameField } from "@/lib/validation/fields";

const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.tooLong" })
    .optional()
    .transform((value) => (value ? value.replace(/\s+/g, " ") : undefined));

const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z
    .union([z.literal(""), z.enum(values, { message: "validation.invalidChoice" })])
    .optional()
    .transform((value) => (value ? value : undefined));

export const stateField = z.enum(MexicanState, { message: "validation.invalidChoice" });

/** Mexican numbers: keeps a leading +, digits and single spaces; 10 digits, optionally with country code 52. */
export const phoneField = z
  .string()
  .trim()
  .max(30, { message: "validation.tooLong" })
  .optional()
  .transform((value) =>
    value
      ? value
          .replace(/[^\d+]+/g, " ")
          .replace(/\s+/g, " ")
          .trim()
      : undefined,
  )
  .refine((value) => !value || /^\+?[\d ]{10,20}$/.test(value), { message: "validation.phone" });

export const rfcField = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((value) => (value ? value.replace(/[\s-]/g, "") : undefined))
  .refine((value) => !value || /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/.test(value), { message: "validation.rfc" });

export const websiteField = z
  .string()
  .trim()
  .max(300, { message: "validation.tooLong" })
  .optional()
  .transform((value) => (value ? (/^https?:\/\//i.test(value) ? value : `https://${value}`) : undefined))
  .refine((value) => !value || z.url().safeParse(value).success, { message: "validation.url" });

export const organizationInputSchema = z.object({
  name: personNameField,
  shortName: optionalText(60),
  type: z.enum(OrganizationType, { message: "validation.invalidChoice" }),
  state: stateField,
  municipality: optionalText(120),
  website: websiteField,
  rfc: rfcField,
});
/** Keys whose value may be undefined become optional, so callers (and tests) can omit them. */
type Optionalize<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};

export type OrganizationInput = Optionalize<z.output<typeof organizationInputSchema>>;

export const personInputSchema = z.object({
  givenNames: personNameField,
  firstSurname: personNameField,
  secondSurname: optionalText(100),
  email: z
    .union([z.literal(""), emailField])
    .optional()
    .transform((value) => (value ? value : undefined)),
  phone: phoneField,
  gender: optionalEnum(Gender),
  genderSelfDescribed: optionalText(80),
  ageRange: optionalEnum(AgeRange),
  state: optionalEnum(MexicanState),
});
export type PersonInput = Optionalize<z.output<typeof personInputSchema>>;

export const generationInputSchema = z.object({
  number: z.coerce
    .number({ message: "validation.number" })
    .int({ message: "validation.number" })
    .min(1, { message: "validation.number" })
    .max(999),
  name: personNameField,
  startDate: z.iso
    .date({ message: "validation.date" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  endDate: z.iso
    .date({ message: "validation.date" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  status: z.enum(GenerationStatus, { message: "validation.invalidChoice" }),
});

export const enrollmentStatusField = z.enum(EnrollmentStatus, { message: "validation.invalidChoice" });
