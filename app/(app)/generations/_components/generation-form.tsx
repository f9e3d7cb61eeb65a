"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveGenerationAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Generation = {
  id: string;
  number: number;
  name: string;
  status: string;
  startDate: string;
  endDate: string;
  networkIds: string[];
  /** lib/records/record-version.ts */
  version: string;
};

export function GenerationForm({
  programId,
  generation,
  networks,
}: {
  programId: string;
  generation?: Generation;
  networks: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(saveGenerationAction, initialActionState);
  const values = state.values;
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      <input type="hidden" name="programId" value={programId} />
      {generation && <input type="hidden" name="generationId" value={generation.id} />}
      {generation && <input type="hidden" name="version" value={state.values?.version ?? generation.version} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("generations.number")}
          name="number"
          type="number"
          min={1}
          required
          defaultValue={values?.number ?? generation?.number}
          errors={state.fieldErrors?.number}
        />
        <SelectField
          label={t("generations.status")}
          name="status"
          defaultValue={values?.status ?? generation?.status ?? "PLANNED"}
          options={["PLANNED", "ACTIVE", "CLOSED"].map((status) => ({ value: status, label: t(`generationStatuses.${status}`) }))}
        />
        <TextField
          label={t("generations.name")}
          name="name"
          required
          defaultValue={values?.name ?? generation?.name}
          errors={state.fieldErrors?.name}
          className="sm:col-span-2"
        />
        <TextField
          label={t("generations.startDate")}
          name="startDate"
          type="date"
          defaultValue={values?.startDate ?? generation?.startDate}
          errors={state.fieldErrors?.startDate}
        />
        <TextField
          label={t("generations.endDate")}
          name="endDate"
          type="date"
          defaultValue={values?.endDate ?? generation?.endDate}
          errors={state.fieldErrors?.endDate}
        />
      </div>
      <CheckboxGroup
        legend={t("generations.networks")}
        name="networkIds"
        options={networks.map((network) => ({ value: network.id, label: network.name }))}
        checked={generation?.networkIds}
        errors={state.fieldErrors?.networkIds}
        description={t("generations.networksHelp")}
      />
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
