import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Confidence, OrganizationReason, PersonReason } from "@/lib/dedupe/duplicate-types";
import { AppError } from "@/lib/errors";
import type { MexicanState } from "@/lib/generated/prisma/enums";
import { matchOrganizations } from "@/lib/matching/match-organizations";
import { matchPeople } from "@/lib/matching/match-people";
import { fullName } from "@/lib/people/person-select";
import { organizationScope, personScope } from "./scope";

/** Where a candidate takes part, so a busy coordinator can tell two namesakes apart. */
export type CandidateContext = { organization: string | null; network: string | null; state: MexicanState | null };

export type PersonCandidate = CandidateContext & {
  id: string;
  name: string;
  confidence: Confidence;
  reasons: PersonReason[];
  inScope: boolean;
  /** The new record's email is this person's: a second person cannot take it. */
  emailTaken: boolean;
  /** Contacts with most characters hidden, enough to recognize them (ana…@ejemplo.org, … 4567). */
  maskedEmail: string | null;
  maskedPhone: string | null;
};
export type OrganizationCandidate = {
  id: string;
  name: string;
  confidence: Confidence;
  reasons: OrganizationReason[];
  inScope: boolean;
  state: string | null;
};

/** Raised before anything is written when a new record looks like an existing one. */
export class DuplicatesFoundError extends AppError {
  constructor(readonly duplicates: { people?: PersonCandidate[]; organizations?: OrganizationCandidate[] }) {
    super("CONFLICT", "Possible duplicates", { duplicates });
  }
}

// The record about to be written, among the registry's ids (which never contain a colon).
const PROBE = "probe:new";
const rank = (confidence: Confidence) => ["high", "medium", "low"].indexOf(confidence);

export function maskEmail(email: string | null) {
  if (!email) return null;
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, Math.min(3, Math.max(1, local.length - 2)))}…@${domain}`;
}

export function maskPhone(phone: string | null) {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 4 ? `… ${digits.slice(-4)}` : null;
}

/** A candidate as warnings and the import review show it: nothing but the id when out of the actor's scope. */
export type DescribedCandidate = CandidateContext & {
  inScope: boolean;
  name: string | null;
  maskedEmail: string | null;
  maskedPhone: string | null;
};

/** Name, organization, network, state and masked contacts of candidate people, only for those in the actor's scope. */
export async function describeCandidatePeople(actor: Actor, ids: string[]): Promise<Map<string, DescribedCandidate>> {
  if (!ids.length) return new Map();
  const [records, visible] = await Promise.all([
    db.person.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        givenNames: true,
        firstSurname: true,
        secondSurname: true,
        email: true,
        phone: true,
        state: true,
        enrollments: { select: { network: { select: { name: true } }, organization: { select: { name: true } } }, take: 1 },
        affiliations: { select: { organization: { select: { name: true, state: true } } }, take: 1 },
      },
    }),
    db.person.findMany({ where: { AND: [{ id: { in: ids } }, personScope(actor)] }, select: { id: true } }),
  ]);
  const inScope = new Set(visible.map((person) => person.id));
  return new Map(
    records.map((record) => {
      const shown = inScope.has(record.id);
      const described: DescribedCandidate = shown
        ? {
            inScope: true,
            name: fullName(record),
            organization: record.enrollments[0]?.organization.name ?? record.affiliations[0]?.organization.name ?? null,
            network: record.enrollments[0]?.network.name ?? null,
            state: record.state ?? record.affiliations[0]?.organization.state ?? null,
            maskedEmail: maskEmail(record.email),
            maskedPhone: maskPhone(record.phone),
          }
        : { inScope: false, name: null, organization: null, network: null, state: null, maskedEmail: null, maskedPhone: null };
      return [record.id, described];
    }),
  );
}

/**
 * People the matcher (lib/matching) finds for a person about to be written: high and medium
 * candidates, and whoever already has this exact email. Candidates outside the actor's scope
 * are reported without name, place or contact, so a warning never leaks who is registered elsewhere.
 */
export async function findPersonDuplicates(
  actor: Actor,
  input: {
    email?: string | null;
    phone?: string | null;
    givenNames: string;
    firstSurname: string;
    secondSurname?: string | null;
    gender?: string | null;
    organizationId?: string;
    networkId?: string;
  },
  options: { excludeId?: string } = {},
): Promise<PersonCandidate[]> {
  const pairs = await matchPeople({
    kind: "probes",
    probes: [{ key: PROBE, ...input, organizationKey: input.organizationId, networkId: input.networkId }],
  });
  const found = new Map<string, { confidence: Confidence; reasons: PersonReason[] }>();
  for (const pair of pairs) {
    const other = pair.firstKey === PROBE ? pair.secondKey : pair.secondKey === PROBE ? pair.firstKey : null;
    if (other && other !== options.excludeId) found.set(other, { confidence: pair.confidence, reasons: pair.reasons });
  }
  const owner = input.email ? await db.person.findUnique({ where: { email: input.email.toLowerCase() }, select: { id: true } }) : null;
  if (owner && owner.id !== options.excludeId && !found.has(owner.id)) found.set(owner.id, { confidence: "low", reasons: ["sameEmail"] });
  const ids = [...found].filter(([id, judged]) => judged.confidence !== "low" || id === owner?.id).map(([id]) => id);
  if (!ids.length) return [];
  const described = await describeCandidatePeople(actor, ids);
  return [...described]
    .map(([id, person]): PersonCandidate => {
      const judged = found.get(id)!;
      // Whoever owns the exact email is told as such: "the same email", whatever else the matcher saw.
      const reasons: PersonReason[] =
        id === owner?.id ? judged.reasons.map((reason) => (reason === "sharedEmail" ? "sameEmail" : reason)) : judged.reasons;
      return {
        ...person,
        id: person.inScope ? id : "",
        name: person.name ?? "",
        confidence: judged.confidence,
        reasons,
        emailTaken: id === owner?.id,
      };
    })
    .sort((a, b) => rank(a.confidence) - rank(b.confidence) || a.name.localeCompare(b.name));
}

/** Organizations the matcher finds for one about to be written (high and medium), with the same scoping. */
export async function findOrganizationDuplicates(
  actor: Actor,
  input: { name: string; state?: string | null; networkId?: string },
  options: { excludeId?: string } = {},
): Promise<OrganizationCandidate[]> {
  const pairs = await matchOrganizations({
    kind: "probes",
    probes: [{ key: PROBE, name: input.name, state: input.state, networkId: input.networkId }],
  });
  const found = new Map<string, { confidence: Confidence; reasons: OrganizationReason[] }>();
  for (const pair of pairs) {
    const other = pair.firstKey === PROBE ? pair.secondKey : pair.secondKey === PROBE ? pair.firstKey : null;
    if (other && other !== options.excludeId && pair.confidence !== "low")
      found.set(other, { confidence: pair.confidence, reasons: pair.reasons });
  }
  if (!found.size) return [];
  const ids = [...found.keys()];
  const [records, visible] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, state: true } }),
    db.organization.findMany({ where: { AND: [{ id: { in: ids } }, organizationScope(actor)] }, select: { id: true } }),
  ]);
  const inScope = new Set(visible.map((organization) => organization.id));
  return records
    .map((record): OrganizationCandidate => {
      const shown = inScope.has(record.id);
      return {
        id: shown ? record.id : "",
        name: shown ? record.name : "",
        ...found.get(record.id)!,
        inScope: shown,
        state: shown ? record.state : null,
      };
    })
    .sort((a, b) => rank(a.confidence) - rank(b.confidence) || a.name.localeCompare(b.name));
}

/**
 * The check every form that writes a new person or organization runs before writing: stops with
 * the candidates when the email is someone else's (it is unique), or when there are candidates
 * and the user has not yet confirmed that the record is a different one (`allowSimilar`).
 */
export async function assertNoDuplicates(
  actor: Actor,
  options: {
    person?: { input: Parameters<typeof findPersonDuplicates>[1]; allowSimilar?: boolean; excludeId?: string };
    organization?: { input: Parameters<typeof findOrganizationDuplicates>[1]; allowSimilar?: boolean; excludeId?: string };
  },
) {
  const duplicates: ConstructorParameters<typeof DuplicatesFoundError>[0] = {};
  if (options.organization && !options.organization.allowSimilar) {
    const organizations = await findOrganizationDuplicates(actor, options.organization.input, {
      excludeId: options.organization.excludeId,
    });
    if (organizations.length) duplicates.organizations = organizations;
  }
  if (options.person) {
    const people = await findPersonDuplicates(actor, options.person.input, { excludeId: options.person.excludeId });
    if (people.some((candidate) => candidate.emailTaken) || (people.length && !options.person.allowSimilar)) duplicates.people = people;
  }
  if (duplicates.people || duplicates.organizations) throw new DuplicatesFoundError(duplicates);
}
