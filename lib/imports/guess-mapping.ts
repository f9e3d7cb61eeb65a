import { normalizeText } from "@/lib/registry/normalize";

/** What a column of a participants spreadsheet can hold. */
export const IMPORT_FIELDS = [
  "fullName",
  "givenNames",
  "firstSurname",
  "secondSurname",
  "email",
  "phone",
  "gender",
  "ageRange",
  "organization",
  "organizationState",
  "network",
  "joinedOn",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index → field; a column mapped to nothing is ignored. */
export type ColumnMapping = Record<number, ImportField | null>;

// How registration forms (Google Forms, KoboToolbox, Excel) title their columns, in Spanish and English,
// already normalized (lower case, no accents, punctuation as spaces). More specific phrases first.
const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ["nombre completo", "nombre y apellidos", "nombres y apellidos", "full name", "participante", "nombre del participante"],
  secondSurname: ["apellido materno", "segundo apellido", "second surname", "mother s surname", "maternal surname"],
  firstSurname: ["apellido paterno", "primer apellido", "first surname", "last name", "surname", "family name", "apellidos", "apellido"],
  givenNames: ["nombre s", "nombres", "nombre de pila", "given names", "given name", "first name", "nombre", "name"],
  email: ["correo electronico", "correo e", "e mail", "email", "correo", "mail"],
  phone: ["telefono celular", "numero de telefono", "telefono", "celular", "whatsapp", "movil", "phone number", "phone", "mobile", "tel"],
  gender: ["identidad de genero", "genero", "sexo", "gender", "sex"],
  ageRange: ["rango de edad", "age range", "edad", "age"],
  organizationState: ["entidad federativa", "estado de la organizacion", "organization state", "entidad", "estado", "state"],
  organization: ["nombre de la organizacion", "organizacion", "organization", "organisation", "institucion", "asociacion", "osc"],
  network: ["red a la que pertenece", "red", "network"],
  joinedOn: ["fecha de incorporacion", "fecha de ingreso", "fecha de alta", "se incorporo", "joined on", "date joined", "start date"],
};

const containsWords = (header: string, phrase: string) => ` ${header} `.includes(` ${phrase} `);

/**
 * A first mapping from the headers: an exact match wins, then a header that
 * contains a known phrase as whole words ("Correo electrónico de contacto").
 * Each field goes to one column at most; unknown columns (a form's timestamp) map to nothing.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const normalized = headers.map((header) => normalizeText(header));
  const mapping: ColumnMapping = Object.fromEntries(headers.map((_, index) => [index, null]));
  const taken = new Set<ImportField>();
  for (const pass of ["exact", "contains"] as const) {
    for (const [field, phrases] of Object.entries(SYNONYMS) as Array<[ImportField, string[]]>) {
      if (taken.has(field)) continue;
      for (const phrase of phrases) {
        const column = normalized.findIndex(
          (header, index) => mapping[index] === null && (pass === "exact" ? header === phrase : containsWords(header, phrase)),
        );
        if (column >= 0) {
          mapping[column] = field;
          taken.add(field);
          break;
        }
      }
    }
  }
  return mapping;
}
