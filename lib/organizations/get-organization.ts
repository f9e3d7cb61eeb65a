import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enrollmentScope, organizationScope, organizationWriteScope, personScope } from "@/lib/registry/scope";

/** Every field an organization's page shows and a merge chooses between. */
export const organizationFieldsSelect = {
  id: true,
  name: true,
  shortName: true,
  type: true,
  state: true,
  municipality: true,
  website: true,
  rfc: true,
} satisfies Prisma.OrganizationSelect;

/** An organization with its people, networks and generations, as far as the actor may see them. */
export async function getOrganization(options: { actor: Actor; organizationId: string }) {
  assertCan(options.actor, "read:personal-data");
  const organization = await db.organization.findFirst({
    where: { AND: [{ id: options.organizationId }, organizationScope(options.actor)] },
    select: {
      updatedAt: true,
      ...organizationFieldsSelect,
      deactivatedAt: true,
      memberships: { select: { network: { select: { id: true, name: true } } } },
      affiliations: {
        where: { person: personScope(options.actor) },
        select: {
          title: true,
          person: { select: { id: true, givenNames: true, firstSurname: true, secondSurname: true, deactivatedAt: true } },
        },
        orderBy: { person: { firstSurname: "asc" } },
      },
      enrollments: {
        where: enrollmentScope(options.actor),
        select: { status: true, personId: true, generation: { select: { id: true, name: true } }, network: { select: { name: true } } },
      },
    },
  });
  if (!organization) throw new AppError("NOT_FOUND");
  // Reading is federation-wide; changing it is for the programs it takes part in (organizationWriteScope).
  const canChange =
    can(options.actor, "manage:registry") &&
    (await db.organization.count({ where: { AND: [{ id: organization.id }, organizationWriteScope(options.actor)] } })) > 0;
  const { enrollments, ...rest } = organization;
  // Generations this organization took part in, with how many of its people.
  const generations = new Map<string, { id: string; name: string; people: Set<string> }>();
  for (const enrollment of enrollments) {
    const entry = generations.get(enrollment.generation.id) ?? { ...enrollment.generation, people: new Set<string>() };
    if (enrollment.status !== "WITHDRAWN") entry.people.add(enrollment.personId);
    generations.set(enrollment.generation.id, entry);
  }
  return { ...rest, canChange, generations: [...generations.values()].map((g) => ({ id: g.id, name: g.name, people: g.people.size })) };
}
