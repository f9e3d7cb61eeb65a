import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Confidence, PersonReason } from "./duplicate-types";

export type ScoredPersonPair = {
  firstId: string;
  secondId: string;
  confidence: Confidence;
  similarity: number;
  reasons: PersonReason[];
};

type Row = {
  a: string;
  b: string;
  same_name: boolean;
  missing_second: boolean;
  same_phone: boolean;
  same_email: boolean;
  shared_org: boolean;
  similarity: number;
  confidence: Confidence;
};

/**
 * Every likely pair of active people, in one statement over the keys PostgreSQL keeps
 * (migration duplicates_and_merges): matchKey (unaccented words, particles dropped,
 * Ma./Fco./Gpe. written out, sorted), the same without the second surname, the phone's last
 * ten digits, and the email without dots or +tags.
 *
 * Candidates come only from blocks that cost little: equal keys, or people of the same
 * organization (where a misspelt name is compared by pg_trgm similarity). A registry-wide
 * trigram join was measured at minutes over 100,000 names and mostly proposes different
 * people with common names, so it is not done.
 */
export async function scorePersonPairs(options: { ids?: [string, string] } = {}): Promise<ScoredPersonPair[]> {
  const only = options.ids
    ? Prisma.sql`AND ((c.a = ${options.ids[0]} AND c.b = ${options.ids[1]}) OR (c.a = ${options.ids[1]} AND c.b = ${options.ids[0]}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    WITH active AS (
      SELECT id, "matchKey", "shortMatchKey", "phoneKey", "emailKey", "secondSurname" FROM people WHERE "deactivatedAt" IS NULL
    ),
    person_orgs AS (
      SELECT "personId", "organizationId" FROM affiliations
      UNION
      SELECT "personId", "organizationId" FROM enrollments
    ),
    -- Colleagues are compared by name right here: only those at least 70 % alike go on, so an
    -- organization of 500 people does not carry 125,000 pairs through the rest of the statement.
    similar_colleagues AS (
      SELECT DISTINCT x."personId" AS a, y."personId" AS b
      FROM person_orgs x
      JOIN person_orgs y ON x."organizationId" = y."organizationId" AND x."personId" < y."personId"
      JOIN active pa ON pa.id = x."personId"
      JOIN active pb ON pb.id = y."personId"
      WHERE similarity(pa."matchKey", pb."matchKey") >= 0.7
    ),
    candidates AS (
      SELECT a.id AS a, b.id AS b FROM active a JOIN active b ON a."matchKey" = b."matchKey" AND a.id < b.id WHERE a."matchKey" <> ''
      UNION
      SELECT least(a.id, b.id), greatest(a.id, b.id)
        FROM active a JOIN active b ON a."secondSurname" IS NULL AND a."matchKey" = b."shortMatchKey"
      UNION
      SELECT a.id, b.id FROM active a JOIN active b ON a."phoneKey" = b."phoneKey" AND a.id < b.id
      UNION
      SELECT a.id, b.id FROM active a JOIN active b ON a."emailKey" = b."emailKey" AND a.id < b.id
      UNION
      SELECT a, b FROM similar_colleagues
    ),
    features AS (
      SELECT c.a, c.b,
             EXISTS (
               SELECT 1 FROM (SELECT "organizationId" FROM affiliations WHERE "personId" = c.a
                              UNION ALL SELECT "organizationId" FROM enrollments WHERE "personId" = c.a) AS x
               JOIN (SELECT "organizationId" FROM affiliations WHERE "personId" = c.b
                     UNION ALL SELECT "organizationId" FROM enrollments WHERE "personId" = c.b) AS y USING ("organizationId")
             ) AS shared_org,
             pa."matchKey" = pb."matchKey" AS same_name,
             coalesce((pa."secondSurname" IS NULL AND pa."matchKey" = pb."shortMatchKey")
                   OR (pb."secondSurname" IS NULL AND pb."matchKey" = pa."shortMatchKey"), false) AS missing_second,
             coalesce(pa."phoneKey" = pb."phoneKey", false) AS same_phone,
             coalesce(pa."emailKey" = pb."emailKey", false) AS same_email,
             similarity(pa."matchKey", pb."matchKey")::float8 AS similarity,
             CASE WHEN pa."secondSurname" IS NULL THEN c.a ELSE c.b END AS short_side
      FROM candidates c
      JOIN active pa ON pa.id = c.a
      JOIN active pb ON pb.id = c.b
      -- Pairs are ordered by the database's collation here and by code points in the app: match either order.
      WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'PERSON'
                          AND ((d."firstId" = c.a AND d."secondId" = c.b) OR (d."firstId" = c.b AND d."secondId" = c.a)))
        ${only}
    ),
    judged AS (
      SELECT f.*,
             f.same_phone OR f.same_email OR f.shared_org AS corroborated,
             -- "Ana López" alone is only worth proposing when a single "Ana López …" exists.
             count(*) FILTER (WHERE f.missing_second) OVER (PARTITION BY f.short_side) = 1 AS only_candidate
      FROM features f
    ),
    proposed AS (
      SELECT a, b, same_name, missing_second, same_phone, same_email, shared_org, similarity,
             CASE WHEN corroborated AND (same_name OR missing_second OR similarity >= 0.8) THEN 'high'
                  WHEN same_name OR (corroborated AND similarity >= 0.7) OR (missing_second AND only_candidate) THEN 'medium'
                  WHEN (same_phone OR same_email) AND similarity >= 0.25 THEN 'low' END AS confidence
      FROM judged
    )
    SELECT * FROM proposed WHERE confidence IS NOT NULL`;
  return rows.map((row) => ({
    firstId: row.a,
    secondId: row.b,
    confidence: row.confidence,
    similarity: row.similarity,
    reasons: reasonsOf(row),
  }));
}

/**
 * The rules (the CASE above), in words:
 * - high: the same name (any spelling, order or abbreviation), the name without its second
 *   surname, or a name 80 % alike, *and* something else shared: phone, email or organization;
 * - medium: the same name alone; a name 70 % alike with a shared phone, email or organization
 *   (two colleagues who share given name and first surname score about 60 %);
 *   a name without second surname that matches exactly one person;
 * - low: a shared phone or email with names only somewhat alike (families and offices share them).
 * Anything else (colleagues with different names, one of many "Ana López …") is not proposed.
 */
function reasonsOf(row: Row): PersonReason[] {
  const reasons: PersonReason[] = [row.same_name ? "sameName" : row.missing_second ? "missingSecondSurname" : "similarName"];
  if (row.same_email) reasons.push("sameEmail");
  if (row.same_phone) reasons.push("samePhone");
  if (row.shared_org) reasons.push("sharedOrganization");
  return reasons;
}
