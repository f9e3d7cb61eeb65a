"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { idField, personNameField } from "@/lib/validation/fields";
import { changeOwnPassword } from "@/lib/users/account";
import { changePasswordSchema } from "@/lib/users/schemas";

export const changePasswordAction = guardedAction({ permission: null, schema: changePasswordSchema }, async (input, { actor }) => {
  await changeOwnPassword({ actor, currentPassword: input.currentPassword, newPassword: input.newPassword });
  return { message: "account.passwordChanged" };
});

const tokenNameSchema = z.object({ name: personNameField.pipe(z.string().max(80, { message: "validation.tooLong" })) });

/** Tokens belong to the signed-in user and carry exactly their rights, so any user may manage their own. */
export const createApiTokenAction = guardedAction({ permission: null, schema: tokenNameSchema }, async (input, { actor }) => {
  const token = await createApiToken({ actor, name: input.name });
  return { message: "apiTokens.created", data: { token }, revalidate: ["/account"] };
});

export const revokeApiTokenAction = guardedAction(
  { permission: null, schema: z.object({ tokenId: idField }) },
  async (input, { actor }) => {
    await revokeApiToken({ actor, tokenId: input.tokenId });
    return { message: "apiTokens.revoked", revalidate: ["/account"] };
  },
);
