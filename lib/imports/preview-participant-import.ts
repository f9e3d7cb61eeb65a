import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { personScope } from "@/lib/registry/scope";
import type { ColumnMapping } from "./guess-mapping";
import { getImportTargetOrThrow } from "./import-access";
import { parseImportRow, type ParsedRow } from "./parse-import-row";

export type PersonMatchReason = "email" | "phone" | "name-in-organization" | "name" | "email-other-name";

/** What a row's person is: new, an existing record (and why), possibly an existing one (a decision), or an earlier row of the file. */
export type PersonMatch =
  | { status: "new" }
  | { status: "existing"; personId: string; reason: PersonMatchReason }
  | { status: "possible"; candidates: Array<{ personId: string; name: string | null; reason: PersonMatchReason }> }
  | { status: "same-as-row"; row: number; reason: PersonMatchReason };

export type RowPreview = ParsedRow & {
  personMatch: PersonMatch;
  organizationMatch:
    { status: "new" } | { status: "existing"; organizationId: string; name: string } | { status: "same-as-row"; row: number };
  alreadyEnrolled: boolean;
};

const fullName = (p: { givenNames: string; firstSurname: string; secondSurname: string | null }) =>
  [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(" ");

/**
 * Step two: every row validated and matched, before anything is written.
 * A person is the same as an existing record by email (with the same name), by
 * phone, or by name within the same organization; the same name elsewhere, or
 * an email already used under another name, is only "possibly" the same and
 * waits for the coordinator's decision. Rows repeating an earlier row of the
 * file (same email, phone, or name in the same organization) follow that row.
 */
export async function previewParticipantImport(options: {
  actor: Actor;
  importId: string;
  mapping?: ColumnMapping;
  defaultNetworkId?: string;
}) {
  const draft = await db.participantImport.findUnique({
    where: { id: options.importId },
    select: {
      id: true,
      generationId: true,
      fileName: true,
      status: true,
      headers: true,
      rows: true,
      mapping: true,
      createdAt: true,
      committedAt: true,
      created: true,
      linked: true,
      skipped: true,
    },
  });
  if (!draft) throw new AppError("NOT_FOUND");
  const target = await getImportTargetOrThrow(options.actor, draft.generationId);
  const mapping = options.mapping ?? (draft.mapping as ColumnMapping);
  const parsed = (draft.rows as string[][]).map((cells, index) =>
    parseImportRow({ index, cells, mapping, networks: target.networks, defaultNetworkId: options.defaultNetworkId }),
  );
  const rows = await matchRows(options.actor, draft.generationId, parsed);
  const count = (predicate: (row: RowPreview) => boolean) => rows.filter(predicate).length;
  return {
    import: {
      id: draft.id,
      fileName: draft.fileName,
      status: draft.status,
      headers: draft.headers as string[],
      mapping,
      createdAt: draft.createdAt,
      committedAt: draft.committedAt,
      counts: { created: draft.created, linked: draft.linked, skipped: draft.skipped },
      /** The first data row, to show an example under each column. */
      sample: ((draft.rows as string[][])[0] ?? []).map((cell) => cell.slice(0, 60)),
    },
    generation: { id: target.id, name: target.name },
    networks: target.networks,
    rows,
    counts: {
      rows: rows.length,
      invalid: count((row) => row.errors.length > 0),
      new: count((row) => !row.errors.length && row.personMatch.status === "new"),
      existing: count((row) => !row.errors.length && row.personMatch.status === "existing"),
      possible: count((row) => !row.errors.length && row.personMatch.status === "possible"),
      repeated: count((row) => !row.errors.length && row.personMatch.status === "same-as-row"),
    },
  };
}

async function matchRows(actor: Actor, generationId: string, parsed: ParsedRow[]): Promise<RowPreview[]> {
  const valid = parsed.filter((row) => !row.errors.length);
  const emails = [...new Set(valid.flatMap((row) => (row.person.email ? [row.person.email] : [])))];
  const phoneKeys = [...new Set(valid.flatMap((row) => (row.phoneKey ? [row.phoneKey] : [])))];
  const nameKeys = [...new Set(valid.map((row) => row.nameKey))];
  const organizationKeys = [...new Set(valid.map((row) => row.organization.key))];
  const personSelect = { id: true, givenNames: true, firstSurname: true, secondSurname: true, nameKey: true } as const;

  const [byEmail, byPhone, byName, organizations] = await Promise.all([
    db.person.findMany({ where: { email: { in: emails }, deactivatedAt: null }, select: { ...personSelect, email: true } }),
    phoneKeys.length
      ? db.$queryRaw<Array<{ id: string; phone_key: string }>>`
          SELECT id, right(regexp_replace(phone, '\\D', '', 'g'), 10) AS phone_key FROM people
          WHERE "deactivatedAt" IS NULL AND phone IS NOT NULL AND right(regexp_replace(phone, '\\D', '', 'g'), 10) = ANY(${phoneKeys})`
      : [],
    db.person.findMany({
      where: { nameKey: { in: nameKeys }, deactivatedAt: null },
      select: { ...personSelect, affiliations: { select: { organizationId: true } } },
    }),
    db.organization.findMany({
      where: { normalizedName: { in: organizationKeys }, deactivatedAt: null },
      select: { id: true, name: true, normalizedName: true },
    }),
  ]);
  const emailOwner = new Map(byEmail.map((person) => [person.email!, person]));
  const phoneOwners = new Map<string, string[]>();
  for (const row of byPhone) phoneOwners.set(row.phone_key, [...(phoneOwners.get(row.phone_key) ?? []), row.id]);
  const namesakes = new Map<string, typeof byName>();
  for (const person of byName) namesakes.set(person.nameKey, [...(namesakes.get(person.nameKey) ?? []), person]);
  const organizationByKey = new Map(organizations.map((organization) => [organization.normalizedName, organization]));

  // Names of candidates are shown only to whoever may see those people.
  const candidateIds = [...new Set(byName.map((person) => person.id).concat(byEmail.map((person) => person.id)))];
  const visible = new Set(
    (await db.person.findMany({ where: { AND: [{ id: { in: candidateIds } }, personScope(actor)] }, select: { id: true } })).map(
      (p) => p.id,
    ),
  );
  const nameOf = new Map([...byName, ...byEmail].map((person) => [person.id, visible.has(person.id) ? fullName(person) : null]));

  const seenEmail = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const seenNameInOrganization = new Map<string, number>();
  const seenOrganization = new Map<string, number>();
  const previews = parsed.map((row): RowPreview => {
    const blank: RowPreview = { ...row, personMatch: { status: "new" }, organizationMatch: { status: "new" }, alreadyEnrolled: false };
    if (row.errors.length) return blank;

    const existingOrganization = organizationByKey.get(row.organization.key);
    const earlierOrganization = seenOrganization.get(row.organization.key);
    const organizationMatch: RowPreview["organizationMatch"] = existingOrganization
      ? { status: "existing", organizationId: existingOrganization.id, name: existingOrganization.name }
      : earlierOrganization !== undefined
        ? { status: "same-as-row", row: earlierOrganization }
        : { status: "new" };
    if (earlierOrganization === undefined) seenOrganization.set(row.organization.key, row.index);
    if (!existingOrganization && !row.organization.state)
      row.errors.push({ field: "organizationState", message: "imports.errors.stateForNewOrganization" });

    const nameInOrganization = `${row.nameKey}|${row.organization.key}`;
    const earlier =
      (row.person.email && seenEmail.has(row.person.email) && { row: seenEmail.get(row.person.email)!, reason: "email" as const }) ||
      (row.phoneKey && seenPhone.has(row.phoneKey) && { row: seenPhone.get(row.phoneKey)!, reason: "phone" as const }) ||
      (seenNameInOrganization.has(nameInOrganization) && {
        row: seenNameInOrganization.get(nameInOrganization)!,
        reason: "name-in-organization" as const,
      }) ||
      undefined;
    if (row.person.email && !seenEmail.has(row.person.email)) seenEmail.set(row.person.email, row.index);
    if (row.phoneKey && !seenPhone.has(row.phoneKey)) seenPhone.set(row.phoneKey, row.index);
    if (!seenNameInOrganization.has(nameInOrganization)) seenNameInOrganization.set(nameInOrganization, row.index);

    let personMatch: PersonMatch;
    const owner = row.person.email ? emailOwner.get(row.person.email) : undefined;
    const phoneMatches = row.phoneKey ? (phoneOwners.get(row.phoneKey) ?? []) : [];
    const sameNames = namesakes.get(row.nameKey) ?? [];
    const inOrganization = existingOrganization
      ? sameNames.filter((person) => person.affiliations.some((a) => a.organizationId === existingOrganization.id))
      : [];
    if (owner && owner.nameKey === row.nameKey) personMatch = { status: "existing", personId: owner.id, reason: "email" };
    else if (owner)
      personMatch = {
        status: "possible",
        candidates: [{ personId: owner.id, name: nameOf.get(owner.id) ?? null, reason: "email-other-name" }],
      };
    else if (earlier) personMatch = { status: "same-as-row", ...earlier };
    else if (phoneMatches.length === 1) personMatch = { status: "existing", personId: phoneMatches[0]!, reason: "phone" };
    else if (inOrganization.length === 1)
      personMatch = { status: "existing", personId: inOrganization[0]!.id, reason: "name-in-organization" };
    else if (sameNames.length)
      personMatch = {
        status: "possible",
        candidates: sameNames.map((person) => ({ personId: person.id, name: nameOf.get(person.id) ?? null, reason: "name" as const })),
      };
    else personMatch = { status: "new" };
    return { ...blank, personMatch, organizationMatch };
  });

  // Existing people already enrolled through the row's network: the row will link, not enroll twice.
  const existingIds = previews.flatMap((row) => (row.personMatch.status === "existing" ? [row.personMatch.personId] : []));
  const enrolled = new Set(
    (
      await db.enrollment.findMany({
        where: { generationId, personId: { in: existingIds } },
        select: { personId: true, networkId: true },
      })
    ).map((enrollment) => `${enrollment.personId}|${enrollment.networkId}`),
  );
  return previews.map((row) =>
    row.personMatch.status === "existing" && row.network
      ? { ...row, alreadyEnrolled: enrolled.has(`${row.personMatch.personId}|${row.network.id}`) }
      : row,
  );
}
