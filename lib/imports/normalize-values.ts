import type { AgeRange, Gender, MexicanState } from "@/lib/generated/prisma/enums";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es-MX.json";
import { normalizeText } from "@/lib/registry/normalize";

/**
 * A phone as people read it and as it is stored: +52 and the ten digits in groups (662 123 4567).
 * Null without ten digits. Only for writing it tidily: phones are compared by the database's
 * phone_match_key (lib/matching), never by this.
 */
export function formatPhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  const key = digits.length >= 10 ? digits.slice(-10) : null;
  if (!key) return null;
  const international = phone.trim().startsWith("+") || phone.replace(/\D/g, "").length > 10;
  return `${international ? "+52 " : ""}${key.slice(0, 3)} ${key.slice(3, 6)} ${key.slice(6)}`;
}

const GENDER_WORDS: Record<string, Gender> = {
  mujer: "WOMAN",
  femenino: "WOMAN",
  f: "WOMAN",
  woman: "WOMAN",
  female: "WOMAN",
  hombre: "MAN",
  masculino: "MAN",
  m: "MAN",
  man: "MAN",
  male: "MAN",
  "no binario": "NON_BINARY",
  "no binaria": "NON_BINARY",
  "non binary": "NON_BINARY",
  nonbinary: "NON_BINARY",
  "prefiero no decir": "PREFER_NOT_TO_SAY",
  "prefiero no decirlo": "PREFER_NOT_TO_SAY",
  "prefer not to say": "PREFER_NOT_TO_SAY",
};

export function parseGender(value: string): Gender | null {
  return GENDER_WORDS[normalizeText(value)] ?? null;
}

/** An age ("34"), a range as forms write it ("30-44", "30 a 44 años") or a label of the catalog. */
export function parseAgeRange(value: string): AgeRange | null {
  const text = normalizeText(value);
  if (!text) return null;
  for (const catalog of [es, en]) {
    const match = Object.entries(catalog.ageRanges).find(([, label]) => normalizeText(label) === text);
    if (match) return match[0] as AgeRange;
  }
  const first = /\d+/.exec(text);
  if (!first) return null;
  const age = Number(first[0]);
  if (age < 18) return "UNDER_18";
  if (age < 30) return "AGE_18_29";
  if (age < 45) return "AGE_30_44";
  if (age < 60) return "AGE_45_59";
  return "AGE_60_PLUS";
}

const STATE_ALIASES: Record<string, MexicanState> = {
  cdmx: "CMX",
  df: "CMX",
  "distrito federal": "CMX",
  edomex: "MEX",
  "estado de mexico": "MEX",
};

/** A state by its ISO code (SON), its name in Spanish or English, with or without accents, or a common alias (CDMX). */
export function parseState(value: string): MexicanState | null {
  const text = normalizeText(value);
  if (!text) return null;
  if (STATE_ALIASES[text]) return STATE_ALIASES[text];
  for (const catalog of [es, en]) {
    const match = Object.entries(catalog.states).find(([code, label]) => normalizeText(label) === text || code.toLowerCase() === text);
    if (match) return match[0] as MexicanState;
  }
  return null;
}

/**
 * A day as registration sheets write it: ISO (2020-05-14), or day first as in Mexico (14/05/2020,
 * 14-05-20, 14.5.2020). Returns the ISO date, or null when it is not a real day.
 */
export function parseDay(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]!.length === 2 ? `20${dayFirst[3]}` : dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
