import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Confidence, OrganizationReason } from "./duplicate-types";

export type ScoredOrganizationPair = {
  firstId: string;
  secondId: string;
  confidence: Confidence;
  similarity: number;
  reasons: OrganizationReason[];
};

type Row = {
  a: string;
  b: string;
  same_name: boolean;
  same_rfc: boolean;
  same_website: boolean;
  shared_person: boolean;
  same_state: boolean;
  similarity: number;
};

/**
 * Every likely pair of active organizations. Candidates: the same matchKey (the normalized
 * name without legal suffix, accents, particles or word order), the same RFC, the same web
 * site, or a person registered with both (where names are compared by pg_trgm similarity).
 */
export async function scoreOrganizationPairs(options: { ids?: [string, string] } = {}): Promise<ScoredOrganizationPair[]> {
  const only = options.ids
    ? Prisma.sql`AND ((c.a = ${options.ids[0]} AND c.b = ${options.ids[1]}) OR (c.a = ${options.ids[1]} AND c.b = ${options.ids[0]}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    WITH active AS (
      SELECT id, "matchKey", "rfcKey", "websiteKey", state FROM organizations WHERE "deactivatedAt" IS NULL
    ),
    person_orgs AS (
      SELECT "personId", "organizationId" FROM affiliations
      UNION
      SELECT "personId", "organizationId" FROM enrollments
    ),
    candidates AS (
      SELECT a, b, bool_or(via_person) AS shared_person FROM (
        SELECT a.id AS a, b.id AS b, false AS via_person
          FROM active a JOIN active b ON a."matchKey" = b."matchKey" AND a.id < b.id WHERE a."matchKey" <> ''
        UNION ALL
        SELECT a.id, b.id, false FROM active a JOIN active b ON a."rfcKey" = b."rfcKey" AND a.id < b.id
        UNION ALL
        SELECT a.id, b.id, false FROM active a JOIN active b ON a."websiteKey" = b."websiteKey" AND a.id < b.id
        UNION ALL
        SELECT x."organizationId", y."organizationId", true FROM person_orgs x JOIN person_orgs y
          ON x."personId" = y."personId" AND x."organizationId" < y."organizationId"
      ) AS blocks
      GROUP BY a, b
    )
    SELECT c.a, c.b, c.shared_person,
           oa."matchKey" = ob."matchKey" AS same_name,
           coalesce(oa."rfcKey" = ob."rfcKey", false) AS same_rfc,
           coalesce(oa."websiteKey" = ob."websiteKey", false) AS same_website,
           oa.state = ob.state AS same_state,
           similarity(oa."matchKey", ob."matchKey")::float8 AS similarity
    FROM candidates c
    JOIN active oa ON oa.id = c.a
    JOIN active ob ON ob.id = c.b
      -- Pairs are ordered by the database's collation here and by code points in the app: match either order.
      WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'ORGANIZATION'
                          AND ((d."firstId" = c.a AND d."secondId" = c.b) OR (d."firstId" = c.b AND d."secondId" = c.a)))
    ${only}`;
  return rows.flatMap((row) => {
    const pair = judgeOrganizationPair(row);
    return pair ? [pair] : [];
  });
}

/**
 * - high: the same RFC; the same name in the same state; the same web site with a name at
 *   least half alike; a person registered with both and names 75 % alike;
 * - medium: the same name in another state (networks have chapters); the same web site;
 *   a person registered with both and names 50 % alike.
 * A person simply working with two different organizations is not proposed.
 */
function judgeOrganizationPair(row: Row): ScoredOrganizationPair | null {
  let confidence: Confidence | null = null;
  if (
    row.same_rfc ||
    (row.same_name && row.same_state) ||
    (row.same_website && row.similarity >= 0.5) ||
    (row.shared_person && row.similarity >= 0.75)
  )
    confidence = "high";
  else if (row.same_name || row.same_website || (row.shared_person && row.similarity >= 0.5)) confidence = "medium";
  if (!confidence) return null;
  const reasons: OrganizationReason[] = [row.same_name ? "sameName" : "similarName"];
  if (row.same_rfc) reasons.push("sameRfc");
  if (row.same_website) reasons.push("sameWebsite");
  if (row.shared_person) reasons.push("sharedPerson");
  if (row.same_state) reasons.push("sameState");
  return { firstId: row.a, secondId: row.b, confidence, similarity: row.similarity, reasons };
}
