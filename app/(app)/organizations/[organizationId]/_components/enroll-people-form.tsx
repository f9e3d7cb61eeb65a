"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { enrollPeopleAction } from "../../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Target = { generationId: string; generationName: string; networkId: string; networkName: string };

export function EnrollPeopleForm({
  organizationId,
  people,
  targets,
}: {
  organizationId: string;
  people: Array<{ id: string; name: string }>;
  targets: Target[];
}) {
  const t = useTranslations("organizations");
  const [state, formAction] = useActionState(enrollPeopleAction, initialActionState);
  const message =
    state.status === "success"
      ? {
          status: "success",
          message: t("enrolled", { created: Number(state.data?.created ?? 0), skipped: Number(state.data?.skipped ?? 0) }),
        }
      : state;
  return (
    <form action={formAction} className="space-y-4">
      <SubmissionId answered={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <p className="text-sm text-slate-700">{t("enrollHelp")}</p>
      <FormMessage state={message} />
      <SelectField
        label={t("generation")}
        name="target"
        options={targets.map((target) => ({
          value: `${target.generationId}|${target.networkId}`,
          label: t("generationNetwork", { generation: target.generationName, network: target.networkName }),
        }))}
        errors={state.fieldErrors?.target}
      />
      <CheckboxGroup
        legend={t("choosePeople")}
        name="personIds"
        options={people.map((person) => ({ value: person.id, label: person.name }))}
        errors={state.fieldErrors?.personIds}
      />
      <SubmitButton>{t("enrollSubmit")}</SubmitButton>
    </form>
  );
}
