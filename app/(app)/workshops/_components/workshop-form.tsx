"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveWorkshopAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

const TOPICS = ["KICKOFF", "NEEDS_MAPPING", "ADVOCACY", "SUSTAINABILITY", "STRENGTHENING_PLAN", "CLOSING", "OTHER"];

export function WorkshopForm({ generationId, nextOrder }: { generationId: string; nextOrder: number }) {
  const t = useTranslations("workshops");
  const [state, formAction] = useActionState(saveWorkshopAction, initialActionState);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      <input type="hidden" name="generationId" value={generationId} />
      <FormMessage state={state} />
      <TextField label={t("titleField")} name="title" required defaultValue={state.values?.title} errors={state.fieldErrors?.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("topic")}
          name="topic"
          defaultValue={state.values?.topic ?? "OTHER"}
          options={TOPICS.map((value) => ({ value, label: t(`topics.${value}`) }))}
        />
        <TextField
          label={t("order")}
          name="order"
          type="number"
          min={1}
          defaultValue={state.values?.order ?? nextOrder}
          errors={state.fieldErrors?.order}
        />
      </div>
      <TextField
        label={t("description")}
        name="description"
        defaultValue={state.values?.description}
        errors={state.fieldErrors?.description}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
