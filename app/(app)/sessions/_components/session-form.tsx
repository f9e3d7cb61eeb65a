"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveSessionAction } from "../actions";

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
  const chosenNetworks = new Set(session?.networkIds ?? []);
  const chosenFacilitators = new Set(session?.facilitatorIds ?? []);
  return (
    <form action={formAction} className="max-w-3xl space-y-4" noValidate>
      {workshopId && <input type="hidden" name="workshopId" value={workshopId} />}
      {sessionId && <input type="hidden" name="sessionId" value={sessionId} />}
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
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("audience")}</legend>
        <p className="mb-2 text-sm text-slate-600">{t("audienceHelp")}</p>
        {state.fieldErrors?.networkIds && <p className="text-sm font-medium text-red-700">{state.fieldErrors.networkIds.join(" ")}</p>}
        <div className="grid gap-1 sm:grid-cols-2">
          {networks.map((network) => (
            <label key={network.id} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="checkbox"
                name="networkIds"
                value={network.id}
                defaultChecked={chosenNetworks.has(network.id)}
                className="size-5"
              />
              {network.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("facilitators")}</legend>
        {state.fieldErrors?.facilitatorIds && (
          <p className="text-sm font-medium text-red-700">{state.fieldErrors.facilitatorIds.join(" ")}</p>
        )}
        <div className="grid gap-1 sm:grid-cols-2">
          {facilitators.map((user) => (
            <label key={user.id} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="checkbox"
                name="facilitatorIds"
                value={user.id}
                defaultChecked={chosenFacilitators.has(user.id)}
                className="size-5"
              />
              {user.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
