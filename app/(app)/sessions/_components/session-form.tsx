"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveSessionAction } from "../actions";
import { SubmissionId } from "@/components/ui/submission-id";

type Option = { id: string; name: string };
export type SessionFormValues = {
  startsAt: string;
  durationMinutes: number;
  modality: string;
  place: string;
  meetingUrl: string;
  networkIds: string[];
  facilitatorIds: string[];
  presentPercent: number;
  lateAfterMinutes: number;
  /** lib/records/record-version.ts: only when editing. */
  version?: string;
};

/** Create (once or weekly) or edit a session. Times are typed in the session's zone, America/Mexico_City. */
export function SessionForm({
  workshopId,
  sessionId,
  session,
  networks,
  facilitators,
}: {
  workshopId?: string;
  sessionId?: string;
  session?: SessionFormValues;
  networks: Option[];
  facilitators: Option[];
}) {
  const t = useTranslations("sessions");
  const [state, formAction] = useActionState(saveSessionAction, initialActionState);
  const values = state.values;
  return (
    <form action={formAction} className="max-w-3xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      {workshopId && <input type="hidden" name="workshopId" value={workshopId} />}
      {sessionId && <input type="hidden" name="sessionId" value={sessionId} />}
      {sessionId && <input type="hidden" name="version" value={state.values?.version ?? session?.version ?? ""} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("startsAt")}
          name="startsAt"
          type="datetime-local"
          required
          description={t("timeZoneHelp")}
          defaultValue={values?.startsAt ?? session?.startsAt}
          errors={state.fieldErrors?.startsAt}
        />
        <TextField
          label={t("duration")}
          name="durationMinutes"
          type="number"
          min={15}
          step={15}
          required
          defaultValue={values?.durationMinutes ?? session?.durationMinutes ?? 120}
          errors={state.fieldErrors?.durationMinutes}
        />
        <SelectField
          label={t("modality")}
          name="modality"
          defaultValue={values?.modality ?? session?.modality ?? "IN_PERSON"}
          options={["IN_PERSON", "VIRTUAL", "HYBRID"].map((value) => ({ value, label: t(`modalityOptions.${value}`) }))}
        />
        {!sessionId && (
          <TextField
            label={t("occurrences")}
            name="occurrences"
            type="number"
            min={1}
            max={52}
            defaultValue={values?.occurrences ?? 1}
            description={t("occurrencesHelp")}
          />
        )}
        <TextField label={t("place")} name="place" defaultValue={values?.place ?? session?.place} errors={state.fieldErrors?.place} />
        <TextField
          label={t("meetingUrl")}
          name="meetingUrl"
          inputMode="url"
          defaultValue={values?.meetingUrl ?? session?.meetingUrl}
          errors={state.fieldErrors?.meetingUrl}
        />
        <TextField
          label={t("presentPercent")}
          name="presentPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={values?.presentPercent ?? session?.presentPercent ?? 50}
          description={t("presentPercentHelp")}
        />
        <TextField
          label={t("lateAfter")}
          name="lateAfterMinutes"
          type="number"
          min={0}
          max={240}
          defaultValue={values?.lateAfterMinutes ?? session?.lateAfterMinutes ?? 15}
          description={t("lateAfterHelp")}
        />
      </div>
      <CheckboxGroup
        legend={t("audience")}
        name="networkIds"
        options={networks.map((network) => ({ value: network.id, label: network.name }))}
        checked={session?.networkIds}
        errors={state.fieldErrors?.networkIds}
        description={t("audienceHelp")}
      />
      <CheckboxGroup
        legend={t("facilitators")}
        name="facilitatorIds"
        options={facilitators.map((user) => ({ value: user.id, label: user.name }))}
        checked={session?.facilitatorIds}
        errors={state.fieldErrors?.facilitatorIds}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
