import { AgeRange, Gender, MexicanState, OrganizationType } from "@/lib/generated/prisma/enums";

type Translate = (key: string) => string;

const optionsOf = (values: Record<string, string>, namespace: string, t: Translate) =>
  Object.values(values).map((value) => ({ value, label: t(`${namespace}.${value}`) }));

/** Select options for the registry's fixed lists, labelled from the catalogs. */
export const stateOptions = (t: Translate) => optionsOf(MexicanState, "states", t).sort((a, b) => a.label.localeCompare(b.label));
export const organizationTypeOptions = (t: Translate) => optionsOf(OrganizationType, "organizationTypes", t);
export const genderOptions = (t: Translate) => optionsOf(Gender, "genders", t);
export const ageRangeOptions = (t: Translate) => optionsOf(AgeRange, "ageRanges", t);
