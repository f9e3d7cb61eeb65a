import type { AgeRange, Gender, MexicanState } from "@/lib/generated/prisma/enums";
import { organizationNameKey, normalizeText, personNameKey } from "@/lib/registry/normalize";
import { emailField, personNameField } from "@/lib/validation/fields";
import type { ColumnMapping, ImportField } from "./guess-mapping";
import { formatPhone, parseAgeRange, parseGender, parseState, phoneKey } from "./normalize-values";

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
  nameKey: string;
  phoneKey: string | null;
  organization: { name: string; key: string; state?: MexicanState };
  network?: ImportNetwork;
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
  const text = (field: ImportField, parser: typeof personNameField) => {
    const parsed = parser.safeParse(raw[field] ?? "");
    if (!parsed.success) errors.push({ field, message: parsed.error.issues[0]?.message ?? "validation.required" });
    return parsed.success ? parsed.data : "";
  };
  const givenNames = text("givenNames", personNameField);
  const firstSurname = text("firstSurname", personNameField);
  const secondSurname = raw.secondSurname ? personNameField.safeParse(raw.secondSurname).data : undefined;

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

  return {
    index: options.index,
    raw,
    person: { givenNames, firstSurname, secondSurname, email, phone, gender, ageRange },
    nameKey: givenNames && firstSurname ? personNameKey({ givenNames, firstSurname, secondSurname }) : "",
    phoneKey: phoneKey(phone),
    organization: {
      name: organizationName ?? "",
      key: organizationName ? organizationNameKey(organizationName) : "",
      state: organizationState,
    },
    network,
    errors,
  };
}
