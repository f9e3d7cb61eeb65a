"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";

type Option = { id: string; name: string };
const ROLES = ["ADMIN", "COORDINATOR", "FACILITATOR", "LIAISON", "FUNDER"] as const;
const scopeOf = (role: string) => (role === "LIAISON" ? "network" : role === "" || role === "ADMIN" ? "none" : "program");

/**
 * Role plus the one scope it needs: a program for program roles, a network for liaisons.
 * Uncontrolled on purpose: React resets a form after its action, and the parent remounts
 * these fields (key) with the submitted values so what shows matches what is sent.
 */
export function GrantFields({
  programs,
  networks,
  allowNone,
  errors,
  values,
}: {
  programs: Option[];
  networks: Option[];
  allowNone?: boolean;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}) {
  const t = useTranslations();
  const [role, setRole] = useState(values?.role ?? (allowNone ? "" : "COORDINATOR"));
  const scope = scopeOf(role);
  const roleOptions = [
    ...(allowNone ? [{ value: "", label: t("userForm.roleNone") }] : []),
    ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) })),
  ];
  return (
    <>
      <SelectField
        label={t("userForm.role")}
        name="role"
        defaultValue={role}
        onChange={(event) => setRole(event.target.value)}
        options={roleOptions}
        description={role ? t(`roleDescriptions.${role}`) : undefined}
        errors={errors?.role}
      />
      {scope === "program" && (
        <SelectField
          label={t("userForm.program")}
          name="programId"
          defaultValue={values?.programId ?? ""}
          options={[{ value: "", label: t("userForm.none") }, ...programs.map((program) => ({ value: program.id, label: program.name }))]}
          errors={errors?.programId}
        />
      )}
      {scope === "network" && (
        <SelectField
          label={t("userForm.network")}
          name="networkId"
          defaultValue={values?.networkId ?? ""}
          options={[{ value: "", label: t("userForm.none") }, ...networks.map((network) => ({ value: network.id, label: network.name }))]}
          errors={errors?.networkId}
        />
      )}
    </>
  );
}
