import type { AgeRange, Gender, MexicanState } from "@/lib/generated/prisma/enums";
import { normalizeText } from "@/lib/registry/normalize";
import { emailField, personNameField } from "@/lib/validation/fields";
import type { ColumnMapping, ImportField } from "./guess-mapping";
import { formatPhone, parseAgeRange, parseDay, parseGender, parseState } from "./normalize-values";

export type ImportNetwork = { id: string; name: string; shortName: string | null };

/** A row's problem: the field (or the whole row) and a catalog key under imports.errors / validation. */
export type RowError = { field: ImportField | "row"; message: string };

export type ParsedRow = {
  index: number;
  raw: Partial<Record<ImportField, string>>;
  person: {
    givenNames: string;
    firstSurname: string;
    secondSurname?: string;
    email?: string;
    phone?: string;
    gender?: Gender;
    ageRange?: AgeRange;
  };
  organization: { name: string; state?: MexicanState };
  network?: ImportNetwork;
  /** The day they joined, when after the start (ISO date): expected only at sessions from then on. */
  joinedOn?: string;
  errors: RowError[];
};

const networkKey = (value: string) => normalizeText(value);

/**
 * One spreadsheet row as the registry needs it, every value normalized, every
 * problem listed per column (in catalog keys, shown in the user's language).
 * Values are kept as typed text: a cell that looks like a formula stays text.
 */
export function parseImportRow(options: {
  index: number;
  cells: string[];
  mapping: ColumnMapping;
  networks: ImportNetwork[];
  defaultNetworkId?: string;
}): ParsedRow {
  const raw: ParsedRow["raw"] = {};
  for (const [column, field] of Object.entries(options.mapping)) {
    const value = options.cells[Number(column)]?.trim();
    if (field && value) raw[field] = value;
  }
  const errors: RowError[] = [];
  // A whole name in one column, or both surnames in one ("Apellidos"), is split the way Mexican names are written.
  const split = raw.fullName && !raw.givenNames ? splitFullName(raw.fullName) : undefined;
  const surnames =
    !split && raw.firstSurname && !raw.secondSurname ? splitSurnames(raw.firstSurname) : { first: raw.firstSurname, second: undefined };
  const name = { givenNames: split?.givenNames ?? raw.givenNames, firstSurname: split?.firstSurname ?? surnames.first };
  const text = (field: "givenNames" | "firstSurname") => {
    const parsed = personNameField.safeParse(name[field] ?? "");
    if (!parsed.success)
      errors.push({ field: split ? "fullName" : field, message: parsed.error.issues[0]?.message ?? "validation.required" });
    return parsed.success ? parsed.data : "";
  };
  const givenNames = text("givenNames");
  const firstSurname = text("firstSurname");
  const second = split?.secondSurname ?? surnames.second ?? raw.secondSurname;
  const secondSurname = second ? personNameField.safeParse(second).data : undefined;

  let email: string | undefined;
  if (raw.email) {
    const parsed = emailField.safeParse(raw.email);
    if (parsed.success) email = parsed.data;
    else errors.push({ field: "email", message: "validation.email" });
  }
  let phone: string | undefined;
  if (raw.phone) {
    phone = formatPhone(raw.phone) ?? undefined;
    if (!phone) errors.push({ field: "phone", message: "validation.phone" });
  }
  const enumValue = <T>(field: ImportField, parse: (value: string) => T | null): T | undefined => {
    if (!raw[field]) return undefined;
    const value = parse(raw[field]!);
    if (value === null) errors.push({ field, message: "imports.errors.unknownValue" });
    return value ?? undefined;
  };
  const gender = enumValue("gender", parseGender);
  const ageRange = enumValue("ageRange", parseAgeRange);
  const organizationState = enumValue("organizationState", parseState);

  const organizationName = raw.organization ? personNameField.safeParse(raw.organization).data : undefined;
  if (!organizationName) errors.push({ field: "organization", message: "validation.required" });

  let network: ImportNetwork | undefined;
  if (raw.network) {
    const key = networkKey(raw.network);
    network = options.networks.find(
      (candidate) => networkKey(candidate.name) === key || (candidate.shortName && networkKey(candidate.shortName) === key),
    );
    if (!network) errors.push({ field: "network", message: "imports.errors.unknownNetwork" });
  } else {
    network = options.networks.find((candidate) => candidate.id === options.defaultNetworkId);
    if (!network && options.networks.length === 1) network = options.networks[0];
    if (!network) errors.push({ field: "network", message: "imports.errors.networkRequired" });
  }

  let joinedOn: string | undefined;
  if (raw.joinedOn) {
    joinedOn = parseDay(raw.joinedOn) ?? undefined;
    if (!joinedOn) errors.push({ field: "joinedOn", message: "validation.date" });
  }

  return {
    index: options.index,
    raw,
    joinedOn,
    person: { givenNames, firstSurname, secondSurname, email, phone, gender, ageRange },
    organization: { name: organizationName ?? "", state: organizationState },
    network,
    errors,
  };
}

// Words that belong to the surname after them: "de la Garza", "del Valle".
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "san", "santa"]);

/** The last surname with its particles ("López de la Garza" → López, de la Garza); null when there is only one. */
function lastSurname(words: string[]): { rest: string[]; last: string[] } | null {
  let start = words.length - 1;
  while (start > 0 && PARTICLES.has(normalizeText(words[start - 1]!))) start--;
  return start > 0 ? { rest: words.slice(0, start), last: words.slice(start) } : null;
}

/** "López Pérez" in a single surnames column: first and second surname. */
export function splitSurnames(value: string): { first: string; second?: string } {
  const words = value.trim().split(/\s+/);
  const split = lastSurname(words);
  return split ? { first: split.rest.join(" "), second: split.last.join(" ") } : { first: value.trim() };
}

/**
 * "María de la Luz Hernández García" in one column: the last two surnames (with their particles)
 * and the given names before them; with two words, a given name and one surname.
 */
export function splitFullName(value: string): { givenNames: string; firstSurname?: string; secondSurname?: string } {
  const words = value.trim().split(/\s+/);
  const second = lastSurname(words);
  if (!second) return { givenNames: value.trim() };
  const first = second.rest.length > 1 ? lastSurname(second.rest) : null;
  if (!first) return { givenNames: second.rest.join(" "), firstSurname: second.last.join(" ") };
  return { givenNames: first.rest.join(" "), firstSurname: first.last.join(" "), secondSurname: second.last.join(" ") };
}
