"use server";

import { guardedAction } from "@/lib/actions/guarded-action";
import { changeOwnPassword } from "@/lib/users/account";
import { changePasswordSchema } from "@/lib/users/schemas";

export const changePasswordAction = guardedAction({ permission: null, schema: changePasswordSchema }, async (input, { actor }) => {
  await changeOwnPassword({ actor, currentPassword: input.currentPassword, newPassword: input.newPassword });
  return { message: "account.passwordChanged" };
});
