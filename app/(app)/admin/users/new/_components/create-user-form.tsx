"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { LOCALES } from "@/lib/i18n/locales";
import { createUserAction } from "../../actions";
import { GrantFields } from "../../_components/grant-fields";
import { OneTimeLink } from "../../_components/one-time-link";
import { SubmissionId } from "@/components/ui/submission-id";

type Option = { id: string; name: string };

export function CreateUserForm({ programs, networks }: { programs: Option[]; networks: Option[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(createUserAction, initialActionState);

  if (state.status === "success" && state.data?.invitationUrl) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <OneTimeLink url={state.data.invitationUrl} />
        <Link href={`/admin/users/${state.data.userId}`} className={buttonClasses("secondary")}>
          {t("userForm.openUser")}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <SubmissionId answered={state} />
      <FormMessage state={state} />
      <TextField
        label={t("userForm.name")}
        name="name"
        autoComplete="off"
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <TextField
        label={t("userForm.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="off"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SelectField
        label={t("userForm.locale")}
        name="locale"
        defaultValue={state.values?.locale ?? "es-MX"}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
        errors={state.fieldErrors?.locale}
      />
      <GrantFields
        key={JSON.stringify(state.values ?? {})}
        programs={programs}
        networks={networks}
        allowNone
        errors={state.fieldErrors}
        values={state.values}
      />
      <SubmitButton pendingLabel={t("userForm.submitting")}>{t("userForm.submit")}</SubmitButton>
    </form>
  );
}
