"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { DuplicateChoices } from "@/components/registry/duplicate-choices";
import { OrganizationFields } from "@/components/registry/organization-fields";
import { PersonFields } from "@/components/registry/person-fields";
import { FormMessage } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";
import { CONVENER, ENROLLMENT_ROLES } from "@/lib/enrollments/enrollment-roles";
import { SubmissionId } from "@/components/ui/submission-id";

type Option = { id: string; name: string };
const NEW = "__new__";

/**
 * One form for a whole registration (person, organization, network): the
 * registry's "register participant" and a session's walk-in. When the server
 * finds possible duplicates it sends them back; the same form then shows the
 * choices and is submitted again, with everything typed still in place.
 */
export function ParticipantForm({
  action,
  hidden,
  networks,
  organizationsByNetwork,
  defaults,
  submitLabel,
  anotherHref,
  withRoles,
  withJoinedOn,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  networks: Option[];
  organizationsByNetwork: Record<string, Option[]>;
  defaults?: Record<string, string>;
  submitLabel: string;
  anotherHref?: string;
  /** A session's walk-in: how the person takes part (guests and staff are not counted), and the convening foundation as an organization. */
  withRoles?: boolean;
  /** The registry's registration: the day a late participant joined (a walk-in joins on its session's day). */
  withJoinedOn?: boolean;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState);
  const values = state.values ?? defaults;
  const [networkId, setNetworkId] = useState(values?.networkId ?? networks[0]?.id ?? "");
  const [organizationId, setOrganizationId] = useState(values?.organizationId ?? NEW);
  const [role, setRole] = useState(values?.role ?? "PARTICIPANT");
  const organizations = organizationsByNetwork[networkId] ?? [];

  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <FormMessage state={{ status: "success", message: t("register.done", { name: state.data?.name ?? "" }) }} />
        <div className="flex flex-wrap gap-3">
          {state.data?.personId && (
            <Link href={`/people/${state.data.personId}`} className={buttonClasses("secondary")}>
              {t("register.viewPerson")}
            </Link>
          )}
          {anotherHref && (
            <Link href={anotherHref} className={buttonClasses("primary")}>
              {t("register.another")}
            </Link>
          )}
        </div>
      </div>
    );
  }

  return (
    <form key={JSON.stringify(values ?? {})} action={formAction} className="space-y-6" noValidate>
      <SubmissionId answered={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <SelectField
        label={t("register.network")}
        name="networkId"
        value={networkId}
        onChange={(event) => {
          setNetworkId(event.target.value);
          setOrganizationId(NEW);
        }}
        options={networks.map((network) => ({ value: network.id, label: network.name }))}
        errors={state.fieldErrors?.networkId}
      />
      {withRoles && (
        <SelectField
          label={t("register.role")}
          name="role"
          value={role}
          onChange={(event) => {
            setRole(event.target.value);
            if (event.target.value !== "PARTICIPANT" && organizationId === NEW) setOrganizationId(CONVENER);
          }}
          description={t("register.roleHelp")}
          options={ENROLLMENT_ROLES.map((value) => ({ value, label: t(`enrollmentRoles.${value}`) }))}
          errors={state.fieldErrors?.role}
        />
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("register.personTitle")}</legend>
        {state.duplicates?.people && <DuplicateChoices kind="person" candidates={state.duplicates.people} />}
        <PersonFields prefix="p_" values={values} errors={state.fieldErrors} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">{t("register.organizationTitle")}</legend>
        <SelectField
          label={t("register.existingOrganization")}
          name="organizationId"
          value={organizationId}
          onChange={(event) => setOrganizationId(event.target.value)}
          options={[
            { value: NEW, label: t("register.newOrganizationOption") },
            ...(withRoles && role !== "PARTICIPANT" ? [{ value: CONVENER, label: t("register.convenerOption") }] : []),
            ...organizations.map((organization) => ({ value: organization.id, label: organization.name })),
          ]}
          errors={state.fieldErrors?.organizationId}
        />
        {organizationId === NEW && (
          <>
            {state.duplicates?.organizations && <DuplicateChoices kind="organization" candidates={state.duplicates.organizations} />}
            <OrganizationFields prefix="o_" values={values} errors={state.fieldErrors} />
          </>
        )}
        <TextField label={t("people.jobTitle")} name="title" defaultValue={values?.title} errors={state.fieldErrors?.title} />
      </fieldset>
      {withJoinedOn && (
        <TextField
          label={t("register.joinedOn")}
          name="joinedOn"
          type="date"
          defaultValue={values?.joinedOn}
          description={t("register.joinedOnHelp")}
          errors={state.fieldErrors?.joinedOn}
        />
      )}
      <SubmitButton pendingLabel={t("register.submitting")}>{submitLabel}</SubmitButton>
    </form>
  );
}
