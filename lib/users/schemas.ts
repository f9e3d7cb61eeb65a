import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { emailField, localeField, newPasswordField, optionalIdField, personNameField } from "@/lib/validation/fields";

/** A new password typed twice. */
export const passwordPairSchema = z
  .object({ password: newPasswordField, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordsDontMatch",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "validation.required" }).max(200),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordsDontMatch",
  });

const roleField = z.enum(Role, { message: "validation.invalidChoice" });

export const grantSchema = z.object({
  role: roleField,
  programId: optionalIdField,
  networkId: optionalIdField,
});

export const createUserSchema = z.object({
  name: personNameField,
  email: emailField,
  locale: localeField,
  role: z
    .union([z.literal(""), roleField])
    .optional()
    .transform((value) => (value ? value : undefined)),
  programId: optionalIdField,
  networkId: optionalIdField,
});
