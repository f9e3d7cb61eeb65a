import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizationFieldsSelect } from "@/lib/organizations/get-organization";
import { personFieldsSelect } from "@/lib/people/person-select";
import { organizationWriteScope, personScope } from "@/lib/registry/scope";
import { orderedPair } from "./duplicate-types";
import { scoreOrganizationPairs } from "./organization-duplicate-pairs";
import { scorePersonPairs } from "./person-duplicate-pairs";

/** The two people of a proposed (or hand-picked) merge, every field, what each one holds, and why they look alike. */
export async function getPersonMergePair(options: { actor: Actor; ids: [string, string] }) {
  assertCan(options.actor, "merge:registry");
  const ids = orderedPair(...options.ids);
  if (ids[0] === ids[1]) throw new AppError("NOT_FOUND");
  const people = await db.person.findMany({
    where: { AND: [{ id: { in: ids } }, personScope(options.actor, "merge:registry")] },
    select: {
      ...personFieldsSelect,
      createdAt: true,
      affiliations: { select: { organization: { select: { name: true } } } },
      enrollments: { select: { generation: { select: { name: true } }, network: { select: { name: true } }, status: true } },
      _count: { select: { attendance: true } },
    },
  });
  if (people.length !== 2) throw new AppError("NOT_FOUND");
  const [score] = await scorePersonPairs({ ids });
  return { people: ids.map((id) => people.find((person) => person.id === id)!), score: score ?? null };
}

export async function getOrganizationMergePair(options: { actor: Actor; ids: [string, string] }) {
  assertCan(options.actor, "merge:registry");
  const ids = orderedPair(...options.ids);
  if (ids[0] === ids[1]) throw new AppError("NOT_FOUND");
  const organizations = await db.organization.findMany({
    where: { AND: [{ id: { in: ids } }, organizationWriteScope(options.actor, "merge:registry")] },
    select: {
      ...organizationFieldsSelect,
      createdAt: true,
      memberships: { select: { network: { select: { name: true } } } },
      _count: { select: { affiliations: true, enrollments: true } },
    },
  });
  if (organizations.length !== 2) throw new AppError("NOT_FOUND");
  const [score] = await scoreOrganizationPairs({ ids });
  return { organizations: ids.map((id) => organizations.find((organization) => organization.id === id)!), score: score ?? null };
}
