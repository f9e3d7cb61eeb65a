import "server-only";
import { scopeOf, type Actor, type Permission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";

/**
 * Where-clauses that narrow every registry query to what the actor may see, so
 * a record out of scope is simply not found (404), whatever its id.
 *
 * - Admins: everything.
 * - Program roles (coordinator, facilitator): organizations and networks are
 *   shared across the federation for reading and linking (an organization takes
 *   part in several programs); people only when enrolled in their program's
 *   generations, or not enrolled anywhere yet (so they can be picked up).
 *   Changing an organization or a network (edit, deactivate, merge, add members)
 *   is narrower: see organizationWriteScope and networkWriteScope.
 * - Liaisons: only their network: its member organizations, the people enrolled
 *   through it or affiliated to its members, and its enrollments.
 * - Funders hold no personal-data permission and see no people at all.
 */
const NOTHING = { id: { in: [] as string[] } };

export function personScope(actor: Actor, permission: Permission = "read:personal-data"): Prisma.PersonWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all) return {};
  const or: Prisma.PersonWhereInput[] = [];
  if (scope.programIds.length) {
    or.push({ enrollments: { some: { generation: { programId: { in: scope.programIds } } } } });
    or.push({ enrollments: { none: {} } });
  }
  if (scope.networkIds.length) {
    or.push({ enrollments: { some: { networkId: { in: scope.networkIds } } } });
    or.push({ affiliations: { some: { organization: { memberships: { some: { networkId: { in: scope.networkIds } } } } } } });
  }
  return or.length ? { OR: or } : NOTHING;
}

export function organizationScope(actor: Actor, permission: Permission = "read:personal-data"): Prisma.OrganizationWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all || scope.programIds.length) return {};
  if (scope.networkIds.length) return { memberships: { some: { networkId: { in: scope.networkIds } } } };
  return NOTHING;
}

/**
 * Organizations an actor may change (edit, deactivate, merge, dismiss as duplicates): a program role only
 * those that take part in its programs (enrolled in one of its generations, or a member of one of their
 * networks) or in no program yet; a liaison those of their network. Otherwise another program's coordinator
 * could rename or deactivate an organization and move that program's numbers.
 */
export function organizationWriteScope(actor: Actor, permission: Permission = "manage:registry"): Prisma.OrganizationWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all) return {};
  const or: Prisma.OrganizationWhereInput[] = [];
  if (scope.programIds.length) {
    const inPrograms = { generation: { programId: { in: scope.programIds } } };
    or.push({ enrollments: { some: inPrograms } });
    or.push({ memberships: { some: { network: { generations: { some: inPrograms } } } } });
    or.push({ enrollments: { none: {} }, memberships: { none: { network: { generations: { some: {} } } } } });
  }
  if (scope.networkIds.length) or.push({ memberships: { some: { networkId: { in: scope.networkIds } } } });
  return or.length ? { OR: or } : NOTHING;
}

/** Networks an actor may change or add members to: a program role those of its generations or in none yet; a liaison their own. */
export function networkWriteScope(actor: Actor, permission: Permission = "manage:registry"): Prisma.NetworkWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all) return {};
  const or: Prisma.NetworkWhereInput[] = [];
  if (scope.programIds.length) {
    or.push({ generations: { some: { generation: { programId: { in: scope.programIds } } } } });
    or.push({ generations: { none: {} } });
  }
  if (scope.networkIds.length) or.push({ id: { in: scope.networkIds } });
  return or.length ? { OR: or } : NOTHING;
}

export function networkScope(actor: Actor, permission: Permission = "read:personal-data"): Prisma.NetworkWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all || scope.programIds.length) return {};
  if (scope.networkIds.length) return { id: { in: scope.networkIds } };
  return NOTHING;
}

export function enrollmentScope(actor: Actor, permission: Permission = "read:personal-data"): Prisma.EnrollmentWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all) return {};
  const or: Prisma.EnrollmentWhereInput[] = [];
  if (scope.programIds.length) or.push({ generation: { programId: { in: scope.programIds } } });
  if (scope.networkIds.length) or.push({ networkId: { in: scope.networkIds } });
  return or.length ? { OR: or } : NOTHING;
}

/** Generations whose aggregates the actor may read: their programs', or those their network takes part in. */
export function generationScope(actor: Actor, permission: Permission = "read:aggregates"): Prisma.GenerationWhereInput {
  const scope = scopeOf(actor, permission);
  if (scope.all) return {};
  const or: Prisma.GenerationWhereInput[] = [];
  if (scope.programIds.length) or.push({ programId: { in: scope.programIds } });
  if (scope.networkIds.length) or.push({ networks: { some: { networkId: { in: scope.networkIds } } } });
  return or.length ? { OR: or } : NOTHING;
}
