import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import type { MexicanState, OrganizationType } from "@/lib/generated/prisma/enums";
import { normalizeText } from "@/lib/registry/normalize";
import { organizationScope } from "@/lib/registry/scope";

export const ORGANIZATIONS_PAGE_SIZE = 25;

export type OrganizationFilters = {
  query?: string;
  type?: OrganizationType;
  state?: MexicanState;
  networkId?: string;
  status?: "active" | "deactivated";
  page?: number;
};

export async function findOrganizations(options: { actor: Actor } & OrganizationFilters) {
  assertCan(options.actor, "read:personal-data");
  const page = Math.max(1, options.page ?? 1);
  const words = options.query ? normalizeText(options.query).split(" ").filter(Boolean) : [];
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      organizationScope(options.actor),
      ...words.map((word) => ({
        OR: [
          { matchKey: { contains: word } },
          { name: { contains: word, mode: "insensitive" as const } },
          { shortName: { contains: word, mode: "insensitive" as const } },
        ],
      })),
      options.type ? { type: options.type } : {},
      options.state ? { state: options.state } : {},
      options.networkId ? { memberships: { some: { networkId: options.networkId } } } : {},
      options.status === "deactivated" ? { deactivatedAt: { not: null } } : { deactivatedAt: null },
    ],
  };
  const [organizations, total] = await Promise.all([
    db.organization.findMany({
      where,
      select: {
        id: true,
        name: true,
        shortName: true,
        type: true,
        state: true,
        municipality: true,
        deactivatedAt: true,
        memberships: { select: { network: { select: { id: true, name: true } } } },
        _count: { select: { affiliations: true } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ORGANIZATIONS_PAGE_SIZE,
      take: ORGANIZATIONS_PAGE_SIZE,
    }),
    db.organization.count({ where }),
  ]);
  return { organizations, total, page, pageCount: Math.max(1, Math.ceil(total / ORGANIZATIONS_PAGE_SIZE)) };
}

/** Options for a select: active organizations in scope, optionally only members of a network. */
export async function findOrganizationOptions(options: { actor: Actor; networkId?: string }) {
  assertCan(options.actor, "read:personal-data");
  return db.organization.findMany({
    where: {
      AND: [
        organizationScope(options.actor),
        { deactivatedAt: null },
        options.networkId ? { memberships: { some: { networkId: options.networkId } } } : {},
      ],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
