"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { stateOptions } from "@/components/registry/options";
import { FormMessage } from "@/components/ui/alert";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveNetworkAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Network = {
  id: string;
  name: string;
  shortName: string | null;
  states: string[];
  convenerOrganizationId: string | null;
  /** lib/records/record-version.ts: refused if someone saved since this page was read. */
  version: string;
};

export function NetworkForm({ network, organizations }: { network?: Network; organizations: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(saveNetworkAction, initialActionState);
  return (
    <form action={formAction} className="max-w-3xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      {network && <input type="hidden" name="networkId" value={network.id} />}
      {network && <input type="hidden" name="version" value={state.values?.version ?? network.version} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("networks.name")}
          name="name"
          required
          defaultValue={state.values?.name ?? network?.name}
          errors={state.fieldErrors?.name}
        />
        <TextField
          label={t("networks.shortName")}
          name="shortName"
          defaultValue={state.values?.shortName ?? network?.shortName ?? undefined}
          errors={state.fieldErrors?.shortName}
        />
        <SelectField
          label={t("networks.convener")}
          name="convenerOrganizationId"
          defaultValue={state.values?.convenerOrganizationId ?? network?.convenerOrganizationId ?? ""}
          options={[
            { value: "", label: t("common.none") },
            ...organizations.map((organization) => ({ value: organization.id, label: organization.name })),
          ]}
          errors={state.fieldErrors?.convenerOrganizationId}
          className="sm:col-span-2"
        />
      </div>
      <CheckboxGroup
        legend={t("networks.states")}
        name="states"
        options={stateOptions(t)}
        checked={network?.states}
        errors={state.fieldErrors?.states}
        columns={3}
      />
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
