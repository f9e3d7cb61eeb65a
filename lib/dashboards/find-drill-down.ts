import "server-only";
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { generationScope } from "@/lib/registry/scope";
import { generationFactsCtes, withFactsMemory, type FactsFilters } from "@/lib/totals/compute-generation-facts";

export const DRILL_DOWN_PAGE_SIZE = 50;

/** Which number was clicked: who it counts, and within which breakdown cell. */
export const drillDownSchema = z.object({
  measure: z.enum(["took-part", "enrolled", "completed"]).catch("took-part"),
  inNetwork: z.string().max(64).optional().catch(undefined),
  inState: z.string().max(3).optional().catch(undefined),
  gender: z.string().max(32).optional().catch(undefined),
  ageRange: z.string().max(32).optional().catch(undefined),
  organizationType: z.string().max(32).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DrillDown = z.infer<typeof drillDownSchema>;

// The measure picks one of the facts' own CTEs, so a list always matches the number it came from.
const SOURCES = {
  "took-part": Prisma.sql`SELECT * FROM part`,
  enrolled: Prisma.sql`SELECT * FROM enr`,
  completed: Prisma.sql`SELECT enr.* FROM enr JOIN completer c ON c.person_id = enr.person_id`,
} as const;

async function generationForDrillDown(actor: Actor, generationId: string) {
  const generation = await db.generation.findFirst({
    where: { AND: [{ id: generationId, deactivatedAt: null }, generationScope(actor)] },
    select: {
      id: true,
      name: true,
      completionPercent: true,
      programId: true,
      networks: { select: { network: { select: { id: true, name: true } } } },
    },
  });
  // Names behind a number are personal data: whoever may not read it (funders) finds nothing here.
  if (!generation || !can(actor, "read:personal-data", { programId: generation.programId })) throw new AppError("NOT_FOUND");
  return {
    id: generation.id,
    name: generation.name,
    completionPercent: generation.completionPercent,
    networkNames: new Map(generation.networks.map(({ network }) => [network.id, network.name])),
  };
}

function cellCondition(drill: DrillDown) {
  const value = (v: string | undefined) => v ?? null;
  return Prisma.sql`
    (${value(drill.inNetwork)}::text IS NULL OR network_id = ${value(drill.inNetwork)}::text)
    AND (${value(drill.inState)}::text IS NULL OR state = ${value(drill.inState)}::text)
    AND (${value(drill.gender)}::text IS NULL OR coalesce(gender, 'UNKNOWN') = ${value(drill.gender)}::text)
    AND (${value(drill.ageRange)}::text IS NULL OR coalesce(age_range, 'UNKNOWN') = ${value(drill.ageRange)}::text)
    AND (${value(drill.organizationType)}::text IS NULL OR organization_type = ${value(drill.organizationType)}::text)`;
}

const run = <T>(query: Prisma.Sql) => withFactsMemory((tx) => tx.$queryRaw<T[]>(query));

type PersonRow = {
  id: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  organizations: string;
  networks: string;
  attended: number;
  expected: number;
  total: number;
};

/** The people behind a number of the dashboard, with how many expected sessions each attended. */
export async function findPeopleBehindNumber(options: { actor: Actor; generationId: string; filters: FactsFilters; drill: DrillDown }) {
  const generation = await generationForDrillDown(options.actor, options.generationId);
  const { drill } = options;
  const rows = await run<PersonRow>(Prisma.sql`${generationFactsCtes(generation.id, generation.completionPercent, options.filters)},
source AS (${SOURCES[drill.measure]}),
picked AS (
  SELECT person_id, string_agg(DISTINCT organization_name, ', ') AS organizations, string_agg(DISTINCT network_name, ', ') AS networks
  FROM source WHERE ${cellCondition(drill)} GROUP BY person_id
)
SELECT p.id, p."givenNames", p."firstSurname", p."secondSurname", picked.organizations, picked.networks,
       coalesce(pa.attended, 0)::int AS attended, coalesce(se.sessions, 0)::int AS expected, (count(*) OVER ())::int AS total
FROM picked
JOIN people p ON p.id = picked.person_id
LEFT JOIN person_attended pa ON pa.person_id = p.id
LEFT JOIN person_set ps ON ps.person_id = p.id
LEFT JOIN set_expected se ON se.set_id = ps.set_id
ORDER BY p."firstSurname", p."secondSurname", p."givenNames", p.id
LIMIT ${DRILL_DOWN_PAGE_SIZE} OFFSET ${(drill.page - 1) * DRILL_DOWN_PAGE_SIZE}`);
  return {
    generation,
    total: rows[0]?.total ?? 0,
    people: rows.map(({ total, ...row }) => row),
  };
}

type OrganizationRow = { id: string; name: string; state: string; type: string; people: number; total: number };

/** The organizations behind a number: those through which the counted people take part. */
export async function findOrganizationsBehindNumber(options: {
  actor: Actor;
  generationId: string;
  filters: FactsFilters;
  drill: DrillDown;
}) {
  const generation = await generationForDrillDown(options.actor, options.generationId);
  const { drill } = options;
  const rows = await run<OrganizationRow>(Prisma.sql`${generationFactsCtes(generation.id, generation.completionPercent, options.filters)},
source AS (${SOURCES[drill.measure]}),
picked AS (SELECT organization_id, count(DISTINCT person_id)::int AS people FROM source WHERE ${cellCondition(drill)} GROUP BY organization_id)
SELECT o.id, o.name, o.state::text AS state, o.type::text AS type, picked.people, (count(*) OVER ())::int AS total
FROM picked JOIN organizations o ON o.id = picked.organization_id
ORDER BY o.name, o.id
LIMIT ${DRILL_DOWN_PAGE_SIZE} OFFSET ${(drill.page - 1) * DRILL_DOWN_PAGE_SIZE}`);
  return {
    generation,
    total: rows[0]?.total ?? 0,
    organizations: rows.map(({ total, ...row }) => row),
  };
}
