"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { stateOptions } from "@/components/registry/options";
import { FormMessage } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveNetworkAction } from "../actions";

type Network = { id: string; name: string; shortName: string | null; states: string[]; convenerOrganizationId: string | null };

export function NetworkForm({ network, organizations }: { network?: Network; organizations: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(saveNetworkAction, initialActionState);
  const states = new Set(network?.states ?? []);
  return (
    <form action={formAction} className="max-w-3xl space-y-4" noValidate>
      {network && <input type="hidden" name="networkId" value={network.id} />}
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
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("networks.states")}</legend>
        {state.fieldErrors?.states && <p className="text-sm font-medium text-red-700">{state.fieldErrors.states.join(" ")}</p>}
        <div className="grid gap-1 sm:grid-cols-3">
          {stateOptions(t).map((option) => (
            <label key={option.value} className="flex min-h-11 items-center gap-3 text-sm">
              <input type="checkbox" name="states" value={option.value} defaultChecked={states.has(option.value)} className="size-5" />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
