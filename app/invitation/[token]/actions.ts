"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/action-state";
import { fieldErrorsFrom } from "@/lib/actions/field-errors";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/users/invitations";
import { passwordPairSchema } from "@/lib/users/schemas";

/** Public: the token in the link is the credential, checked by the data layer. */
export async function acceptInvitationAction(token: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const parsed = passwordPairSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: t("errors.VALIDATION"), fieldErrors: fieldErrorsFrom(parsed.error, t) };
  try {
    await acceptInvitation({ token, password: parsed.data.password });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { status: "error", message: t("invitation.invalidBody") };
    throw error;
  }
  return { status: "success", message: t("invitation.done") };
}
