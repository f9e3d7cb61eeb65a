"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { ageRangeOptions, genderOptions, stateOptions } from "./options";

type Values = Record<string, string | null | undefined>;

/** The person part of a form. `prefix` namespaces the field names when a form holds several records. */
export function PersonFields({ values, errors, prefix = "" }: { values?: Values; errors?: Record<string, string[]>; prefix?: string }) {
  const t = useTranslations();
  const [gender, setGender] = useState(values?.[`${prefix}gender`] ?? "");
  const name = (field: string) => `${prefix}${field}`;
  const value = (field: string) => values?.[name(field)] ?? undefined;
  const error = (field: string) => errors?.[name(field)];
  const blank = { value: "", label: t("common.none") };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label={t("people.givenNames")}
        name={name("givenNames")}
        required
        defaultValue={value("givenNames")}
        errors={error("givenNames")}
        autoComplete="off"
      />
      <TextField
        label={t("people.firstSurname")}
        name={name("firstSurname")}
        required
        defaultValue={value("firstSurname")}
        errors={error("firstSurname")}
        autoComplete="off"
      />
      <TextField
        label={t("people.secondSurname")}
        name={name("secondSurname")}
        defaultValue={value("secondSurname")}
        errors={error("secondSurname")}
        autoComplete="off"
      />
      <TextField
        label={t("people.email")}
        name={name("email")}
        type="email"
        inputMode="email"
        defaultValue={value("email")}
        errors={error("email")}
        autoComplete="off"
      />
      <TextField
        label={t("people.phone")}
        name={name("phone")}
        type="tel"
        inputMode="tel"
        description={t("people.phoneHelp")}
        defaultValue={value("phone")}
        errors={error("phone")}
        autoComplete="off"
      />
      <SelectField
        label={t("people.state")}
        name={name("state")}
        defaultValue={value("state") ?? ""}
        options={[blank, ...stateOptions(t)]}
        errors={error("state")}
      />
      <SelectField
        label={t("people.gender")}
        name={name("gender")}
        defaultValue={gender}
        onChange={(event) => setGender(event.target.value)}
        options={[blank, ...genderOptions(t)]}
        errors={error("gender")}
      />
      {gender === "SELF_DESCRIBED" && (
        <TextField
          label={t("people.genderSelfDescribed")}
          name={name("genderSelfDescribed")}
          defaultValue={value("genderSelfDescribed")}
          errors={error("genderSelfDescribed")}
        />
      )}
      <SelectField
        label={t("people.ageRange")}
        name={name("ageRange")}
        defaultValue={value("ageRange") ?? ""}
        options={[blank, ...ageRangeOptions(t)]}
        errors={error("ageRange")}
      />
    </div>
  );
}
