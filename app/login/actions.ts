"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/lib/actions/guarded-action";
import { signIn } from "@/lib/auth/next-auth";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { emailField } from "@/lib/validation/fields";

const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
  redirectTo: z.string().max(500).optional(),
});

/** Public: the password is the credential (lib/auth/authenticate.ts counts failures and locks). */
export const loginAction = publicAction({ schema: loginSchema }, async (input) => {
  try {
    // Success redirects (Next's redirect "error", passed on by the action client).
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeRedirectPath(input.redirectTo ?? null) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const rateLimited = error instanceof CredentialsSignin && error.code === "rate_limited";
    throw new AppError(rateLimited ? "RATE_LIMITED" : "INVALID_CREDENTIALS", "Sign-in refused", {
      messageKey: rateLimited ? "login.rateLimited" : "login.invalidCredentials",
    });
  }
});
