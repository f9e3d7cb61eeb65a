"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { createApiTokenAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const [state, formAction] = useActionState(createApiTokenAction, initialActionState);
  return (
    <form action={formAction} className="space-y-3">
      <SubmissionId answered={state} />
      <FormMessage state={state} />
      {state.data?.token && (
        <div>
          <label htmlFor="new-api-token" className="block text-sm font-medium text-slate-800">
            {t("token")}
          </label>
          <input
            id="new-api-token"
            readOnly
            value={state.data.token}
            data-testid="new-api-token"
            className="min-h-11 w-full rounded-md border border-slate-400 bg-slate-50 px-3 font-mono text-sm"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={t("name")}
          name="name"
          placeholder={t("namePlaceholder")}
          errors={state.fieldErrors?.name}
          className="min-w-56 flex-1"
        />
        <SubmitButton variant="secondary">{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
