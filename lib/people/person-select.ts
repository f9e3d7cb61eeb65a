import type { Prisma } from "@/lib/db";

export const personListSelect = {
  id: true,
  givenNames: true,
  firstSurname: true,
  secondSurname: true,
  email: true,
  state: true,
  deactivatedAt: true,
} satisfies Prisma.PersonSelect;

/** Every field a person's page shows and a merge chooses between. */
export const personFieldsSelect = {
  id: true,
  givenNames: true,
  firstSurname: true,
  secondSurname: true,
  email: true,
  phone: true,
  gender: true,
  genderSelfDescribed: true,
  ageRange: true,
  state: true,
} satisfies Prisma.PersonSelect;

export function fullName(person: { givenNames: string; firstSurname: string; secondSurname?: string | null }) {
  return [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(" ");
}
