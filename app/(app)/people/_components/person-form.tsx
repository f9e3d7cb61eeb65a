"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { DuplicateChoices } from "@/components/registry/duplicate-choices";
import { PersonFields } from "@/components/registry/person-fields";
import { FormMessage } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { createPersonAction, updatePersonAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Values = Record<string, string | null | undefined>;

/** Create (with an organization and duplicate warning) or edit a person. */
export function PersonForm({
  person,
  organizations,
}: {
  person?: Values & { id: string };
  organizations?: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(person ? updatePersonAction : createPersonAction, initialActionState);
  const values = state.values ?? person;
  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="max-w-3xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      {person && <input type="hidden" name="personId" value={person.id} />}
      {person && <input type="hidden" name="version" value={values?.version ?? ""} />}
      <FormMessage state={state} />
      {state.duplicates?.people && <DuplicateChoices kind="person" candidates={state.duplicates.people} />}
      <PersonFields values={values} errors={state.fieldErrors} />
      {organizations && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("people.organization")}
            name="organizationId"
            description={t("people.organizationHelp")}
            defaultValue={values?.organizationId ?? ""}
            options={[
              { value: "", label: t("common.none") },
              ...organizations.map((organization) => ({ value: organization.id, label: organization.name })),
            ]}
            errors={state.fieldErrors?.organizationId}
          />
          <TextField
            label={t("people.jobTitle")}
            name="title"
            defaultValue={values?.title ?? undefined}
            errors={state.fieldErrors?.title}
          />
        </div>
      )}
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
