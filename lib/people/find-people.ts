import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import type { MexicanState } from "@/lib/generated/prisma/enums";
import { normalizeText } from "@/lib/registry/normalize";
import { personScope } from "@/lib/registry/scope";
import { personListSelect } from "./person-select";

export const PEOPLE_PAGE_SIZE = 25;

export type PeopleFilters = {
  query?: string;
  state?: MexicanState;
  generationId?: string;
  networkId?: string;
  organizationId?: string;
  status?: "active" | "deactivated";
  page?: number;
};

export async function findPeople(options: { actor: Actor } & PeopleFilters) {
  assertCan(options.actor, "read:personal-data");
  const page = Math.max(1, options.page ?? 1);
  const words = options.query ? normalizeText(options.query).split(" ").filter(Boolean) : [];
  const where: Prisma.PersonWhereInput = {
    AND: [
      personScope(options.actor),
      // Every word must appear in the match key (kept by PostgreSQL), the given names or the email: "lopez ana" finds Ana López.
      ...words.map((word) => ({
        OR: [
          { matchKey: { contains: word } },
          { givenNames: { contains: word, mode: "insensitive" as const } },
          { email: { contains: word } },
        ],
      })),
      options.state ? { state: options.state } : {},
      options.status === "deactivated" ? { deactivatedAt: { not: null } } : { deactivatedAt: null },
      options.generationId || options.networkId || options.organizationId
        ? {
            enrollments: {
              some: {
                ...(options.generationId ? { generationId: options.generationId } : {}),
                ...(options.networkId ? { networkId: options.networkId } : {}),
                ...(options.organizationId ? { organizationId: options.organizationId } : {}),
              },
            },
          }
        : {},
    ],
  };
  const [people, total] = await Promise.all([
    db.person.findMany({
      where,
      select: { ...personListSelect, affiliations: { select: { organization: { select: { id: true, name: true } } }, take: 2 } },
      orderBy: [{ firstSurname: "asc" }, { givenNames: "asc" }, { id: "asc" }],
      skip: (page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
    }),
    db.person.count({ where }),
  ]);
  return { people, total, page, pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)) };
}
