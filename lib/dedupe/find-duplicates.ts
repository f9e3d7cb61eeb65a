import "server-only";
import { assertCan, scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizationFieldsSelect } from "@/lib/organizations/get-organization";
import { personFieldsSelect } from "@/lib/people/person-select";
import { generationScope, organizationWriteScope, personScope } from "@/lib/registry/scope";
import { CONFIDENCES, DUPLICATES_PAGE_SIZE, type Confidence, type DuplicatePage } from "./duplicate-types";
import { scoreOrganizationPairs, type ScoredOrganizationPair } from "./organization-duplicate-pairs";
import { scorePersonPairs, type ScoredPersonPair } from "./person-duplicate-pairs";

const personCardSelect = {
  ...personFieldsSelect,
  createdAt: true,
  affiliations: { select: { organization: { select: { name: true } } }, take: 3 },
  _count: { select: { enrollments: true, attendance: true } },
} as const;

const organizationCardSelect = {
  ...organizationFieldsSelect,
  createdAt: true,
  _count: { select: { memberships: true, affiliations: true, enrollments: true } },
} as const;

type Scored = { firstId: string; secondId: string; confidence: Confidence; similarity: number };

/** Highest confidence first, then the most alike names; ids keep the order stable between pages. */
function rank<Pair extends Scored>(pairs: Pair[]) {
  const order = (confidence: Confidence) => CONFIDENCES.indexOf(confidence);
  return pairs.sort(
    (a, b) =>
      order(a.confidence) - order(b.confidence) ||
      b.similarity - a.similarity ||
      a.firstId.localeCompare(b.firstId) ||
      a.secondId.localeCompare(b.secondId),
  );
}

function paginate<Pair extends Scored>(pairs: Pair[], page: number) {
  const byConfidence = { high: 0, medium: 0, low: 0 } satisfies Record<Confidence, number>;
  for (const pair of pairs) byConfidence[pair.confidence]++;
  const pageCount = Math.max(1, Math.ceil(pairs.length / DUPLICATES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    total: pairs.length,
    byConfidence,
    page: current,
    pageCount,
    slice: pairs.slice((current - 1) * DUPLICATES_PAGE_SIZE, current * DUPLICATES_PAGE_SIZE),
  };
}

/** Only pairs whose two records the actor may merge are shown; the check is the registry's own scope. */
async function visibleIds(actor: Actor, kind: "person" | "organization", ids: string[]) {
  if (scopeOf(actor, "merge:registry").all) return new Set(ids);
  const rows =
    kind === "person"
      ? await db.person.findMany({ where: { AND: [{ id: { in: ids } }, personScope(actor, "merge:registry")] }, select: { id: true } })
      : await db.organization.findMany({
          where: { AND: [{ id: { in: ids } }, organizationWriteScope(actor, "merge:registry")] },
          select: { id: true },
        });
  return new Set(rows.map((row) => row.id));
}

async function inScope<Pair extends Scored>(actor: Actor, kind: "person" | "organization", pairs: Pair[]) {
  const visible = await visibleIds(actor, kind, [...new Set(pairs.flatMap((pair) => [pair.firstId, pair.secondId]))]);
  return pairs.filter((pair) => visible.has(pair.firstId) && visible.has(pair.secondId));
}

/** Scores every pair, keeps those the actor may merge, ranks them and loads the two records of each pair on the page. */
async function pageOf<Pair extends Scored, Card extends { id: string }>(
  actor: Actor,
  kind: "person" | "organization",
  scored: Pair[],
  page: number,
  load: (ids: string[]) => Promise<Card[]>,
): Promise<DuplicatePage<Omit<Pair, "firstId" | "secondId"> & { first: Card; second: Card }>> {
  const pairs = rank(await inScope(actor, kind, scored));
  const { slice, ...counts } = paginate(pairs, page);
  const cards = new Map((await load(slice.flatMap((pair) => [pair.firstId, pair.secondId]))).map((card) => [card.id, card]));
  return {
    ...counts,
    pairs: slice.flatMap(({ firstId, secondId, ...pair }) => {
      const first = cards.get(firstId);
      const second = cards.get(secondId);
      return first && second ? [{ ...pair, first, second }] : [];
    }),
  };
}

export type PersonCard = Awaited<ReturnType<typeof loadPeople>>[number];
export type PersonDuplicate = Omit<ScoredPersonPair, "firstId" | "secondId"> & { first: PersonCard; second: PersonCard };

function loadPeople(ids: string[]) {
  return db.person.findMany({ where: { id: { in: ids } }, select: personCardSelect });
}

/** Likely duplicate people in the actor's scope, ranked, one page at a time. */
export async function findDuplicatePeople(options: { actor: Actor; page?: number }): Promise<DuplicatePage<PersonDuplicate>> {
  assertCan(options.actor, "merge:registry");
  return pageOf(options.actor, "person", await scorePersonPairs(), options.page ?? 1, loadPeople);
}

export type OrganizationCard = Awaited<ReturnType<typeof loadOrganizations>>[number];
export type OrganizationDuplicate = Omit<ScoredOrganizationPair, "firstId" | "secondId"> & {
  first: OrganizationCard;
  second: OrganizationCard;
};

function loadOrganizations(ids: string[]) {
  return db.organization.findMany({ where: { id: { in: ids } }, select: organizationCardSelect });
}

/** Likely duplicate organizations in the actor's scope, ranked, one page at a time. */
export async function findDuplicateOrganizations(options: { actor: Actor; page?: number }): Promise<DuplicatePage<OrganizationDuplicate>> {
  assertCan(options.actor, "merge:registry");
  return pageOf(options.actor, "organization", await scoreOrganizationPairs(), options.page ?? 1, loadOrganizations);
}

export type DuplicateKind = "people" | "organizations";

/** `?kind=people|organizations&generationId=` of the duplicates API. */
export function duplicateQuery(request: Request) {
  const params = new URL(request.url).searchParams;
  return { kind: duplicateKindOf(params.get("kind")), generationId: params.get("generationId") ?? undefined };
}

/** `?kind=` of the duplicates API: people (the default) or organizations. */
export function duplicateKindOf(value: string | null): DuplicateKind {
  if (value === null || value === "people") return "people";
  if (value === "organizations") return "organizations";
  throw new AppError("VALIDATION", "kind is people or organizations", { field: "kind" });
}

/**
 * Every pair the actor may merge, ranked, without the records: for the API and for merging all
 * high-confidence pairs. With `generationId`, only pairs of records both enrolled in (people) or
 * enrolling people in (organizations) that generation: a coordinator's "this import's duplicates".
 */
export async function findDuplicatePairs(options: { actor: Actor; kind: DuplicateKind; generationId?: string }) {
  assertCan(options.actor, "merge:registry");
  const scored: Array<ScoredPersonPair | ScoredOrganizationPair> =
    options.kind === "people" ? await scorePersonPairs() : await scoreOrganizationPairs();
  let pairs = await inScope(options.actor, options.kind === "people" ? "person" : "organization", scored);
  if (options.generationId) {
    // Another program's generation is not found, rather than answered with an empty list.
    const generation = await db.generation.findFirst({
      where: { AND: [{ id: options.generationId }, generationScope(options.actor, "merge:registry")] },
      select: { id: true },
    });
    if (!generation) throw new AppError("NOT_FOUND");
    const enrolled = await db.enrollment.findMany({
      where: { generationId: options.generationId },
      select: { personId: true, organizationId: true },
    });
    const members = new Set(enrolled.map((row) => (options.kind === "people" ? row.personId : row.organizationId)));
    pairs = pairs.filter((pair) => members.has(pair.firstId) && members.has(pair.secondId));
  }
  return rank(pairs);
}
