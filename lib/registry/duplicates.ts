import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fullName } from "@/lib/people/person-select";
import { organizationNameKey, personNameKey } from "./normalize";
import { organizationScope, personScope } from "./scope";

export type PersonCandidate = { id: string; name: string; reason: "email" | "name-in-organization"; inScope: boolean };
export type OrganizationCandidate = { id: string; name: string; reason: "name"; inScope: boolean };

/** Raised before anything is written when a new record looks like an existing one. */
export class DuplicatesFoundError extends AppError {
  constructor(readonly duplicates: { people?: PersonCandidate[]; organizations?: OrganizationCandidate[] }) {
    super("CONFLICT", "Possible duplicates", { duplicates });
  }
}

/**
 * Same email anywhere, or the same name (case, accents, spaces and surname order
 * ignored) in the same organization. Candidates outside the actor's scope are
 * reported without details, so a warning never leaks who is registered elsewhere.
 */
export async function findPersonDuplicates(
  actor: Actor,
  input: { email?: string; givenNames: string; firstSurname: string; secondSurname?: string | null; organizationId?: string },
  options: { excludeId?: string } = {},
): Promise<PersonCandidate[]> {
  const nameKey = personNameKey(input);
  const or = [
    ...(input.email ? [{ email: input.email }] : []),
    ...(input.organizationId ? [{ nameKey, affiliations: { some: { organizationId: input.organizationId } } }] : []),
  ];
  if (!or.length) return [];
  const matches = await db.person.findMany({
    where: { OR: or, ...(options.excludeId ? { id: { not: options.excludeId } } : {}) },
    select: { id: true, givenNames: true, firstSurname: true, secondSurname: true, email: true },
    take: 5,
  });
  if (!matches.length) return [];
  const visible = new Set(
    (
      await db.person.findMany({ where: { AND: [{ id: { in: matches.map((m) => m.id) } }, personScope(actor)] }, select: { id: true } })
    ).map((p) => p.id),
  );
  return matches.map((match) => ({
    id: visible.has(match.id) ? match.id : "",
    name: visible.has(match.id) ? fullName(match) : "",
    reason: input.email && match.email === input.email ? "email" : "name-in-organization",
    inScope: visible.has(match.id),
  }));
}

/** Organizations whose name matches once case, accents and legal suffixes (A.C., S.C., I.A.P.) are ignored. */
export async function findOrganizationDuplicates(
  actor: Actor,
  name: string,
  options: { excludeId?: string } = {},
): Promise<OrganizationCandidate[]> {
  const matches = await db.organization.findMany({
    where: { normalizedName: organizationNameKey(name), ...(options.excludeId ? { id: { not: options.excludeId } } : {}) },
    select: { id: true, name: true },
    take: 5,
  });
  if (!matches.length) return [];
  const visible = new Set(
    (
      await db.organization.findMany({
        where: { AND: [{ id: { in: matches.map((m) => m.id) } }, organizationScope(actor)] },
        select: { id: true },
      })
    ).map((o) => o.id),
  );
  return matches.map((match) => ({
    id: visible.has(match.id) ? match.id : "",
    name: visible.has(match.id) ? match.name : "",
    reason: "name" as const,
    inScope: visible.has(match.id),
  }));
}
