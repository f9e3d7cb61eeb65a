"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(acceptInvitationAction, initialActionState);
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
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <NewPasswordFields
        names={{ password: "password", confirm: "confirmPassword" }}
        labels={{ password: t("invitation.password"), confirm: t("invitation.confirm"), hint: t("account.newPasswordHelp") }}
        errors={state.fieldErrors}
      />
      <SubmitButton pendingLabel={t("invitation.submitting")} className="w-full">
        {t("invitation.submit")}
      </SubmitButton>
    </form>
  );
}
