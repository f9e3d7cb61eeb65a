"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(acceptInvitationAction.bind(null, token), initialActionState);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href="/login" className={buttonClasses("primary", "w-full")}>
          {t("invitation.goToLogin")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label={t("invitation.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        description={t("account.newPasswordHelp")}
        errors={state.fieldErrors?.password}
      />
      <TextField
        label={t("invitation.confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton pendingLabel={t("invitation.submitting")} className="w-full">
        {t("invitation.submit")}
      </SubmitButton>
    </form>
  );
}
