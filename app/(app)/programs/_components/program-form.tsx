"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveProgramAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

export function ProgramForm({ program }: { program?: { id: string; name: string; description: string | null; version: string } }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(saveProgramAction, initialActionState);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      {program && <input type="hidden" name="programId" value={program.id} />}
      {program && <input type="hidden" name="version" value={state.values?.version ?? program.version} />}
      <FormMessage state={state} />
      <TextField
        label={t("programs.name")}
        name="name"
        required
        defaultValue={state.values?.name ?? program?.name}
        errors={state.fieldErrors?.name}
      />
      <div className="space-y-1">
        <label htmlFor="field-description" className="block text-sm font-medium text-slate-800">
          {t("programs.description")}
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={4}
          defaultValue={state.values?.description ?? program?.description ?? ""}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
