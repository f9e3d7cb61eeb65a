/**
 * The catalog namespaces client components translate with. Only these travel to
 * the browser with every page (the whole catalog would add ~30 KB to each one);
 * server components read the full catalog. `client-namespaces.test.ts` fails when
 * a client component starts using a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "ageRanges",
  "apiTokens",
  "attendance",
  "checkIn",
  "common",
  "duplicates",
  "enrollmentRoles",
  "errorPage",
  "errors",
  "exports",
  "genders",
  "generations",
  "generationStatuses",
  "imports",
  "invitation",
  "language",
  "login",
  "meetingReport",
  "networks",
  "organizations",
  "organizationTypes",
  "people",
  "programs",
  "register",
  "report",
  "roleDescriptions",
  "roles",
  "sessions",
  "states",
  "userDetail",
  "userForm",
  "validation",
  "workshops",
] as const;

export function pickClientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(messages).filter(([namespace]) => (CLIENT_NAMESPACES as readonly string[]).includes(namespace)),
  ) as Partial<T>;
}
