"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { fieldErrorsFrom } from "@/lib/actions/field-errors";
import { signIn } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { emailField } from "@/lib/validation/fields";

const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
});

export async function loginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { status: "error", message: t("errors.VALIDATION"), fieldErrors: fieldErrorsFrom(parsed.error, t), values };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("redirectTo")),
    });
  } catch (error) {
    // Success arrives here as Next's redirect "error", which must keep propagating.
    if (!(error instanceof AuthError)) throw error;
    const rateLimited = error instanceof CredentialsSignin && error.code === "rate_limited";
    return { status: "error", message: t(rateLimited ? "login.rateLimited" : "login.invalidCredentials"), values };
  }
  return { status: "idle" };
}
