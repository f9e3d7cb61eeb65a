"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { checkInAction } from "../actions";

export function CheckInForm({ code }: { code: string }) {
  const t = useTranslations("checkIn");
  const [state, formAction] = useActionState(checkInAction, initialActionState);
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="code" value={code} />
      <FormMessage state={state} />
      <TextField
        label={t("email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton className="w-full">{t("submit")}</SubmitButton>
    </form>
  );
}
