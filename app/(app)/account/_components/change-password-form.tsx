"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(changePasswordAction, initialActionState);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <NewPasswordFields
        names={{ password: "newPassword", confirm: "confirmPassword" }}
        labels={{ password: t("newPassword"), confirm: t("confirmPassword"), hint: t("newPasswordHelp") }}
        errors={state.fieldErrors}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
