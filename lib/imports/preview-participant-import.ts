import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Confidence, PersonReason } from "@/lib/dedupe/duplicate-types";
import type { MexicanState } from "@/lib/generated/prisma/enums";
import { matchOrganizations } from "@/lib/matching/match-organizations";
import { matchPeople } from "@/lib/matching/match-people";
import { highGroups } from "@/lib/matching/settle-pairs";
import { describeCandidatePeople } from "@/lib/registry/duplicates";
import { cachedByDataVersion } from "@/lib/totals/data-version";
import type { ColumnMapping } from "./guess-mapping";
import { getImportInScopeOrThrow } from "./import-access";
import { parseImportRow, type ParsedRow } from "./parse-import-row";

/** An existing person a row may be, with what a coordinator needs to tell (nothing but the id when out of their scope). */
export type ImportCandidate = {
  personId: string;
  name: string | null;
  confidence: Confidence;
  reasons: PersonReason[];
  organization: string | null;
  network: string | null;
  state: MexicanState | null;
  maskedEmail: string | null;
  maskedPhone: string | null;
};

/** What a row's person is: new, an existing record, possibly an existing one (a decision), or an earlier row of the file. */
export type PersonMatch =
  | { status: "new" }
  | { status: "existing"; personId: string; candidate: ImportCandidate }
  | { status: "possible"; candidates: ImportCandidate[] }
  | { status: "same-as-row"; row: number };

/** The coordinator's choice for a row. */
export type RowDecision = { action: "create" } | { action: "skip" } | { action: "use"; personId: string };

export type RowPreview = ParsedRow & {
  personMatch: PersonMatch;
  organizationMatch:
    | { status: "new"; suggestedState?: MexicanState }
    | { status: "existing"; organizationId: string; name: string }
    | { status: "same-as-row"; row: number };
  alreadyEnrolled: boolean;
  /** The app's suggestion: the matcher's "high" links, a new record otherwise; "follow" goes with an earlier row. */
  suggested: RowDecision | { action: "follow" };
};

/**
 * Step two: every row validated and matched, before anything is written. Organizations and
 * people are matched by the one matcher (lib/matching) against the registry and against the
 * other rows of the file: a "high" match is the same record (an existing one, or an earlier
 * row's), a "medium" one waits for the coordinator's decision, with the app's suggestion.
 */
export async function previewParticipantImport(options: {
  actor: Actor;
  importId: string;
  mapping?: ColumnMapping;
  defaultNetworkId?: string;
}) {
  const { draft, target } = await getImportInScopeOrThrow(options.actor, options.importId, {
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
    results: true,
  });
  const mapping = options.mapping ?? (draft.mapping as ColumnMapping);
  const parsed = (draft.rows as string[][]).map((cells, index) =>
    parseImportRow({ index, cells, mapping, networks: target.networks, defaultNetworkId: options.defaultNetworkId }),
  );
  // A committed import is not matched again: what the commit did is kept in `results`.
  const rows =
    draft.status === "COMMITTED"
      ? parsed.map((row): RowPreview => ({
          ...row,
          personMatch: { status: "new" },
          organizationMatch: { status: "new" },
          alreadyEnrolled: false,
          suggested: { action: "skip" },
        }))
      : // The review page, then the commit (which matches again so that it never writes from stale matches) ask for
        // the same rows: while no record changed (data-version.ts), the second reads the first's matches.
        await cachedByDataVersion(
          JSON.stringify(["import-rows", draft.id, options.actor.userId, mapping, options.defaultNetworkId ?? null]),
          () => matchRows(options.actor, draft.generationId, parsed, target.networks),
        );
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
      results: (draft.results as ImportRowResult[] | null) ?? null,
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

/** What the commit did with a row, kept with the import so its page (and the API) show it afterwards. */
export type ImportRowResult = {
  index: number;
  /** The row's match when it was committed (new, existing, possible, repeat or error). */
  match?: "new" | "existing" | "possible" | "repeat" | "error";
  outcome: "created" | "linked" | "skipped";
  personId?: string;
  organizationId?: string;
  /** The row's email was not stored because another person has it (emails are unique). */
  emailLeftOut?: boolean;
};

const rowKey = (index: number) => `row:${index}`;
const rowIndex = (key: string) => (key.startsWith("row:") ? Number(key.slice(4)) : null);

/** Groups of probes and registry records joined by "high" pairs: each row's record, existing or one of the file's rows. */
function resolve(pairs: Array<{ firstKey: string; secondKey: string; confidence: Confidence; strength: number }>) {
  const existing = new Map<number, string>();
  const earlier = new Map<number, number>();
  for (const group of highGroups(pairs, (key) => rowIndex(key) === null)) {
    const records = group.filter((key) => rowIndex(key) === null);
    const members = group.flatMap((key) => (rowIndex(key) === null ? [] : [rowIndex(key)!])).sort((a, b) => a - b);
    // Stored records in one group are "high" with each other (the same, to be merged): the rows take the first.
    if (records.length) for (const member of members) existing.set(member, records.sort()[0]!);
    else for (const member of members.slice(1)) earlier.set(member, members[0]!);
  }
  return { existing, earlier };
}

async function matchRows(
  actor: Actor,
  generationId: string,
  parsed: ParsedRow[],
  networks: Array<{ id: string; states?: MexicanState[] }>,
): Promise<RowPreview[]> {
  const valid = parsed.filter((row) => !row.errors.length);

  // Organizations first: a person's organization is evidence that two records are one person.
  const organizationPairs = await matchOrganizations({
    kind: "probes",
    probes: valid.map((row) => ({
      key: rowKey(row.index),
      name: row.organization.name,
      state: row.organization.state,
      networkId: row.network?.id,
    })),
  });
  const organizations = resolve(organizationPairs);
  const organizationNames = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: [...new Set(organizations.existing.values())] } },
        select: { id: true, name: true },
      })
    ).map((organization) => [organization.id, organization.name]),
  );
  const organizationKeyOf = (index: number) =>
    organizations.existing.get(index) ?? `new-organization:${organizations.earlier.get(index) ?? index}`;

  const personPairs = await matchPeople({
    kind: "probes",
    probes: valid.map((row) => ({
      key: rowKey(row.index),
      ...row.person,
      organizationKey: organizationKeyOf(row.index),
      networkId: row.network?.id,
    })),
  });
  const people = resolve(personPairs);

  // "Medium" pairs with registry records become the row's candidates.
  const possible = new Map<number, Map<string, { confidence: Confidence; reasons: PersonReason[] }>>();
  const judged = new Map<string, { confidence: Confidence; reasons: PersonReason[] }>();
  for (const pair of personPairs) {
    for (const [probe, other] of [
      [pair.firstKey, pair.secondKey],
      [pair.secondKey, pair.firstKey],
    ] as const) {
      const index = rowIndex(probe);
      if (index === null || rowIndex(other) !== null) continue;
      judged.set(`${index} ${other}`, { confidence: pair.confidence, reasons: pair.reasons });
      if (pair.confidence === "medium" && !people.existing.has(index) && !people.earlier.has(index))
        possible.set(index, (possible.get(index) ?? new Map()).set(other, { confidence: pair.confidence, reasons: pair.reasons }));
    }
  }
  const candidateIds = [...new Set([...people.existing.values(), ...[...possible.values()].flatMap((m) => [...m.keys()])])];
  const candidates = await describeCandidatePeople(actor, candidateIds);

  const stateOfNetwork = new Map(networks.map((network) => [network.id, network.states?.length === 1 ? network.states[0] : undefined]));
  const previews = parsed.map((row): RowPreview => {
    const blank: RowPreview = {
      ...row,
      personMatch: { status: "new" },
      organizationMatch: { status: "new" },
      alreadyEnrolled: false,
      suggested: { action: "skip" },
    };
    if (row.errors.length) return blank;

    const existingOrganization = organizations.existing.get(row.index);
    const earlierOrganization = organizations.earlier.get(row.index);
    let organizationMatch: RowPreview["organizationMatch"];
    if (existingOrganization)
      organizationMatch = {
        status: "existing",
        organizationId: existingOrganization,
        name: organizationNames.get(existingOrganization) ?? "",
      };
    else if (earlierOrganization !== undefined) organizationMatch = { status: "same-as-row", row: earlierOrganization };
    else {
      // A new organization never gets a state silently: the network's state is suggested, and shown.
      const suggestedState = row.organization.state ? undefined : stateOfNetwork.get(row.network?.id ?? "");
      organizationMatch = { status: "new", suggestedState };
      if (!row.organization.state && !suggestedState)
        row.errors.push({ field: "organizationState", message: "imports.errors.stateForNewOrganization" });
    }
    if (row.errors.length) return blank;

    const existingPerson = people.existing.get(row.index);
    const earlierPerson = people.earlier.get(row.index);
    const options = possible.get(row.index);
    const candidate = (personId: string): ImportCandidate => ({
      ...candidates.get(personId)!,
      personId,
      ...(judged.get(`${row.index} ${personId}`) ?? { confidence: "high" as const, reasons: [] }),
    });
    let personMatch: PersonMatch;
    let suggested: RowPreview["suggested"];
    if (existingPerson) {
      personMatch = { status: "existing", personId: existingPerson, candidate: candidate(existingPerson) };
      suggested = { action: "use", personId: existingPerson };
    } else if (earlierPerson !== undefined) {
      personMatch = { status: "same-as-row", row: earlierPerson };
      suggested = { action: "follow" };
    } else if (options?.size) {
      personMatch = { status: "possible", candidates: [...options.keys()].map(candidate) };
      // Not certain enough to link on its own: the suggestion is a new record, which the duplicates page still proposes.
      suggested = { action: "create" };
    } else {
      personMatch = { status: "new" };
      suggested = { action: "create" };
    }
    return { ...blank, personMatch, organizationMatch, suggested };
  });

  // Existing people already enrolled through the row's network: the row will link, not enroll twice.
  const enrolled = new Set(
    (
      await db.enrollment.findMany({
        where: { generationId, personId: { in: [...new Set(people.existing.values())] } },
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
