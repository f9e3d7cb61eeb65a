"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { organizationTypeOptions, stateOptions } from "./options";

type Values = Record<string, string | null | undefined>;

export function OrganizationFields({
  values,
  errors,
  prefix = "",
}: {
  values?: Values;
  errors?: Record<string, string[]>;
  prefix?: string;
}) {
  const t = useTranslations();
  const name = (field: string) => `${prefix}${field}`;
  const value = (field: string) => values?.[name(field)] ?? undefined;
  const error = (field: string) => errors?.[name(field)];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label={t("organizations.name")}
        name={name("name")}
        required
        defaultValue={value("name")}
        errors={error("name")}
        className="sm:col-span-2"
        autoComplete="off"
      />
      <TextField
        label={t("organizations.shortName")}
        name={name("shortName")}
        defaultValue={value("shortName")}
        errors={error("shortName")}
        autoComplete="off"
      />
      <SelectField
        label={t("organizations.type")}
        name={name("type")}
        defaultValue={value("type") ?? "CIVIL_SOCIETY"}
        options={organizationTypeOptions(t)}
        errors={error("type")}
      />
      <SelectField
        label={t("organizations.state")}
        name={name("state")}
        defaultValue={value("state") ?? "SON"}
        options={stateOptions(t)}
        errors={error("state")}
      />
      <TextField
        label={t("organizations.municipality")}
        name={name("municipality")}
        defaultValue={value("municipality")}
        errors={error("municipality")}
        autoComplete="off"
      />
      <TextField
        label={t("organizations.website")}
        name={name("website")}
        inputMode="url"
        defaultValue={value("website")}
        errors={error("website")}
        autoComplete="off"
      />
      <TextField label={t("organizations.rfc")} name={name("rfc")} defaultValue={value("rfc")} errors={error("rfc")} autoComplete="off" />
    </div>
  );
}
