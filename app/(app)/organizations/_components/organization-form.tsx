"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { DuplicateChoices } from "@/components/registry/duplicate-choices";
import { OrganizationFields } from "@/components/registry/organization-fields";
import { FormMessage } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { createOrganizationAction, updateOrganizationAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Values = Record<string, string | null | undefined>;

export function OrganizationForm({
  organization,
  networks,
}: {
  organization?: Values & { id: string };
  networks?: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(organization ? updateOrganizationAction : createOrganizationAction, initialActionState);
  const values = state.values ?? organization;
  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="max-w-3xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      {organization && <input type="hidden" name="organizationId" value={organization.id} />}
      {organization && <input type="hidden" name="version" value={values?.version ?? ""} />}
      <FormMessage state={state} />
      {state.duplicates?.organizations && <DuplicateChoices kind="organization" candidates={state.duplicates.organizations} />}
      <OrganizationFields values={values} errors={state.fieldErrors} />
      {networks && (
        <SelectField
          label={t("organizations.network")}
          name="networkId"
          description={t("organizations.networkHelp")}
          defaultValue={values?.networkId ?? ""}
          options={[{ value: "", label: t("common.none") }, ...networks.map((network) => ({ value: network.id, label: network.name }))]}
          errors={state.fieldErrors?.networkId}
        />
      )}
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
