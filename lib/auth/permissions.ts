import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * Everything a user may do is one of these strings. A role grants a list of them,
 * and a grant gives the role within a scope (a program or a network); ADMIN holds all,
 * everywhere. Data-layer functions and actions check them with `can`/`assertCan`
 * and narrow queries with `scopeOf`.
 */
export const PERMISSIONS = [
  "manage:users",
  // Only admins: the log says who did what across every program.
  "read:audit-log",
  "read:program",
  "read:aggregates",
  "read:personal-data",
  "manage:registry",
  "merge:registry",
  "manage:sessions",
  "record:attendance:any",
  "record:attendance:own",
  "read:attendance",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  COORDINATOR: [
    "read:program",
    "read:aggregates",
    "read:personal-data",
    "manage:registry",
    // Merging rewrites records other networks share, so it stays with the people who run the program.
    "merge:registry",
    "manage:sessions",
    "record:attendance:any",
    "read:attendance",
  ],
  // A facilitator's attendance rights are narrowed to the sessions they facilitate (lib/sessions/scope.ts).
  FACILITATOR: ["read:program", "read:aggregates", "read:personal-data", "record:attendance:own", "read:attendance"],
  // A liaison works on their own network: its people and organizations, and the aggregates of generations it takes part in.
  LIAISON: ["read:personal-data", "manage:registry", "read:aggregates", "read:attendance"],
  FUNDER: ["read:program", "read:aggregates"],
};

export type GrantScope = { role: Role; programId: string | null; networkId: string | null };

export type Actor = {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  locale: string;
  grants: GrantScope[];
};

/** Where a permission applies: everywhere, or in these programs and networks. */
export type Scope = { all: true } | { all: false; programIds: string[]; networkIds: string[] };

const isAdmin = (actor: Actor) => actor.grants.some((grant) => grant.role === "ADMIN");

export function scopeOf(actor: Actor, permission: Permission): Scope {
  if (isAdmin(actor)) return { all: true };
  const grants = actor.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
  return {
    all: false,
    programIds: unique(grants.flatMap((grant) => (grant.programId ? [grant.programId] : []))),
    networkIds: unique(grants.flatMap((grant) => (grant.networkId ? [grant.networkId] : []))),
  };
}

/**
 * True when the actor holds `permission` for the target. Without a target: whether
 * they hold it anywhere (for navigation, never for data access).
 */
export function can(actor: Actor, permission: Permission, target?: { programId?: string; networkId?: string }): boolean {
  const scope = scopeOf(actor, permission);
  if (scope.all) return true;
  if (!target) return scope.programIds.length > 0 || scope.networkIds.length > 0;
  return (
    (target.programId !== undefined && scope.programIds.includes(target.programId)) ||
    (target.networkId !== undefined && scope.networkIds.includes(target.networkId))
  );
}

export function assertCan(actor: Actor, permission: Permission, target?: { programId?: string; networkId?: string }) {
  if (!can(actor, permission, target)) throw new AppError("FORBIDDEN", `Missing permission ${permission}`);
}

/** The networks an actor works on as a liaison ("Tu red"): highlighted wherever several networks' totals are shown. */
export function ownNetworkIds(actor: Actor): string[] {
  return unique(actor.grants.flatMap((grant) => (grant.role === "LIAISON" && grant.networkId ? [grant.networkId] : [])));
}

function unique(values: string[]) {
  return [...new Set(values)];
}
