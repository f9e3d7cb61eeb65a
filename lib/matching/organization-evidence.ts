import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationPairEvidence } from "./judge-organization-pair";

/** An organization named by an import row or a form, to be compared with the registry. */
export type OrganizationProbe = { key: string; name: string; state?: string | null; networkId?: string | null };

export type OrganizationSide = { key: string; probe: boolean };
export type OrganizationPairRow = OrganizationPairEvidence & { first: OrganizationSide; second: OrganizationSide };

const MAX_BLOCK = 30;

type Row = {
  a: string;
  b: string;
  a_probe: boolean;
  b_probe: boolean;
  a_words: string[];
  b_words: string[];
  same_state: boolean;
  different_state: boolean;
  shared_network: boolean;
  same_rfc: boolean;
  different_rfc: boolean;
  same_website: boolean;
  shared_person: boolean;
};

/**
 * Candidate pairs of organizations and what each pair shares (see findPersonPairEvidence):
 * blocks are the same RFC, web site or match key, a person registered with both, or a pair of
 * name words within the same state or network. judgeOrganizationPair decides.
 */
export async function findOrganizationPairEvidence(
  source: { kind: "registry"; ids?: [string, string] } | { kind: "probes"; probes: OrganizationProbe[] },
): Promise<OrganizationPairRow[]> {
  if (source.kind === "probes" && !source.probes.length) return [];
  const registryFilter =
    source.kind === "registry"
      ? source.ids
        ? Prisma.sql`AND o.id IN (${source.ids[0]}, ${source.ids[1]})`
        : Prisma.empty
      : Prisma.sql`AND (o."matchKey" IN (SELECT "matchKey" FROM probes)
          OR o."namePairs" && (SELECT coalesce(array_agg(DISTINCT pair), '{}') FROM probes, unnest(probes."namePairs") AS pair))`;
  const probes = source.kind === "probes" ? source.probes : [];
  const column = <T>(pick: (probe: OrganizationProbe) => T) => probes.map(pick);
  const rows = await db.$queryRaw<Row[]>`
    -- organization_name_words once per probe (OFFSET 0 keeps the planner from calling it for each column).
    WITH probes AS MATERIALIZED (
      SELECT key, true AS probe, words, sorted_words(words) AS "matchKey", word_pairs(words) AS "namePairs", state,
             NULL::text AS "rfcKey", NULL::text AS "websiteKey",
             '{}'::text[] AS people, CASE WHEN network IS NULL THEN '{}'::text[] ELSE ARRAY[network] END AS networks
      FROM (
        SELECT *, organization_name_words(name) AS words
        FROM unnest(${column((p) => p.key)}::text[], ${column((p) => p.name)}::text[], ${column((p) => p.state ?? null)}::text[],
                    ${column((p) => p.networkId ?? null)}::text[]) AS r(key, name, state, network)
        OFFSET 0
      ) AS w
    ),
    registry_base AS MATERIALIZED (
      SELECT o.id AS key, false AS probe, o."nameWords" AS words, o."matchKey", o."namePairs", o.state::text AS state,
             o."rfcKey", o."websiteKey"
      FROM organizations o WHERE o."deactivatedAt" IS NULL ${registryFilter}
    ),
    -- Each organization's people (the registry's own pairs only: a probe has none yet) and networks, aggregated once
    -- by joins rather than looked up organization by organization.
    organization_people AS (
      SELECT x."organizationId", array_agg(DISTINCT x."personId") AS people
      FROM (SELECT "personId", "organizationId" FROM affiliations UNION ALL SELECT "personId", "organizationId" FROM enrollments) AS x
      WHERE ${source.kind === "registry"}::boolean AND x."organizationId" IN (SELECT key FROM registry_base)
      GROUP BY x."organizationId"
    ),
    organization_networks AS (
      SELECT "organizationId", array_agg("networkId") AS networks FROM network_memberships
      WHERE "organizationId" IN (SELECT key FROM registry_base)
      GROUP BY "organizationId"
    ),
    registry AS (
      SELECT b.*, coalesce(op.people, '{}') AS people, coalesce(n.networks, '{}') AS networks
      FROM registry_base b
      LEFT JOIN organization_people op ON op."organizationId" = b.key
      LEFT JOIN organization_networks n ON n."organizationId" = b.key
    ),
    entities AS (SELECT * FROM registry UNION ALL SELECT * FROM probes),
    blocks AS (
      SELECT 'r ' || "rfcKey" AS block, key FROM entities WHERE "rfcKey" IS NOT NULL
      UNION ALL SELECT 'w ' || "websiteKey", key FROM entities WHERE "websiteKey" IS NOT NULL
      UNION ALL SELECT 'm ' || "matchKey", key FROM entities WHERE "matchKey" <> ''
      UNION ALL SELECT 'p ' || person, key FROM entities, unnest(people) AS person
      UNION ALL SELECT 's ' || state || ' ' || pair, key FROM entities, unnest("namePairs") AS pair WHERE state IS NOT NULL
      UNION ALL SELECT 'n ' || n || ' ' || pair, key FROM entities, unnest(networks) AS n, unnest("namePairs") AS pair
    ),
    small_blocks AS (SELECT block, array_agg(key) AS keys FROM blocks GROUP BY block HAVING count(*) BETWEEN 2 AND ${MAX_BLOCK}),
    candidates AS (SELECT DISTINCT x AS a, y AS b FROM small_blocks, unnest(keys) AS x, unnest(keys) AS y WHERE x < y)
    SELECT c.a, c.b, x.probe AS a_probe, y.probe AS b_probe, x.words AS a_words, y.words AS b_words,
           coalesce(x.state = y.state, false) AS same_state,
           coalesce(x.state <> y.state, false) AS different_state,
           x.networks && y.networks AS shared_network,
           coalesce(x."rfcKey" = y."rfcKey", false) AS same_rfc,
           coalesce(x."rfcKey" <> y."rfcKey", false) AS different_rfc,
           coalesce(x."websiteKey" = y."websiteKey", false) AS same_website,
           x.people && y.people AS shared_person
    FROM candidates c
    JOIN entities x ON x.key = c.a
    JOIN entities y ON y.key = c.b
    -- Pairs of two registry records come too: a probe "high" with two records is only unambiguous when those two are one.
    WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'ORGANIZATION'
                        AND ((d."firstId" = c.a AND d."secondId" = c.b) OR (d."firstId" = c.b AND d."secondId" = c.a)))`;
  return rows.map((row) => ({
    first: { key: row.a, probe: row.a_probe },
    second: { key: row.b, probe: row.b_probe },
    firstWords: row.a_words,
    secondWords: row.b_words,
    sameState: row.same_state,
    differentState: row.different_state,
    sharedNetwork: row.shared_network,
    sameRfc: row.same_rfc,
    differentRfc: row.different_rfc,
    sameWebsite: row.same_website,
    sharedPerson: row.shared_person,
  }));
}
