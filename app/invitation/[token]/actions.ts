"use server";

import { publicAction } from "@/lib/actions/guarded-action";
import { AppError, isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/users/invitations";
import { passwordPairSchema } from "@/lib/users/schemas";
import { z } from "zod";

/** Public: the token in the link is the credential, checked by the data layer. */
export const acceptInvitationAction = publicAction(
  { schema: passwordPairSchema.and(z.object({ token: z.string().trim().min(1).max(200) })) },
  async (input) => {
    try {
      await acceptInvitation({ token: input.token, password: input.password });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND")
        throw new AppError("NOT_FOUND", "Invitation invalid", { messageKey: "invitation.invalidBody" });
      throw error;
    }
    return { message: "invitation.done" };
  },
);
