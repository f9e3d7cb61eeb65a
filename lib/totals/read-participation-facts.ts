import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortFacts, type GenerationFacts } from "./compute-generation-facts";

/**
 * A generation's totals read from the participation facts that PostgreSQL keeps on every write
 * (migration participation_facts; tables participation_people, participation_links and
 * participation_sessions): the same numbers as the totals statement (lib/totals/compute-generation-facts.ts)
 * without its pass over the attendance marks, so they cost milliseconds right after a write.
 * lib/totals/verify-participation-facts.ts proves the two agree.
 */
export async function readParticipationFacts(generationId: string): Promise<GenerationFacts> {
  const rows = await db.$queryRaw<Array<{ facts: GenerationFacts }>>(participationFactsQuery(generationId));
  return sortFacts(rows[0]!.facts);
}

/** The statement behind readParticipationFacts, also run bare by the benchmark. */
export function participationFactsQuery(generationId: string) {
  return Prisma.sql`
WITH
pp AS MATERIALIZED (SELECT * FROM participation_people WHERE "generationId" = ${generationId}),
links AS MATERIALIZED (SELECT * FROM participation_links WHERE "generationId" = ${generationId}),
part AS MATERIALIZED (SELECT l.* FROM links l JOIN pp ON pp."personId" = l."personId" AND pp."tookPart"),
held AS MATERIALIZED (
  SELECT s.*, w.title FROM participation_sessions s
  JOIN sessions x ON x.id = s."sessionId" JOIN workshops w ON w.id = x."workshopId"
  WHERE s."generationId" = ${generationId} AND s.held
),
-- Distinct counts as GROUP BY over DISTINCT subqueries, which PostgreSQL hashes (count(DISTINCT …) always sorts).
-- A person has one link per network, so counting links of a network counts its people.
network_part AS (
  SELECT p."networkId", p.people, o.organizations
  FROM (SELECT "networkId", count(*) AS people FROM part GROUP BY "networkId") p
  JOIN (SELECT "networkId", count(*) AS organizations FROM (SELECT DISTINCT "networkId", "organizationId" FROM part) x GROUP BY "networkId") o
    ON o."networkId" = p."networkId"
),
network_enrolled AS (
  SELECT l."networkId", count(*) AS enrolled, count(*) FILTER (WHERE pp.completed) AS completed,
         sum(l.expected) AS expected, sum(l.attended) AS attended
  FROM links l JOIN pp ON pp."personId" = l."personId" GROUP BY l."networkId"
),
network_sessions AS (
  SELECT n."networkId", count(*) AS sessions FROM held h CROSS JOIN LATERAL unnest(h.audience) AS n("networkId")
  WHERE h.marked GROUP BY n."networkId"
),
guest AS (
  SELECT DISTINCT e."personId" FROM enrollments e
  JOIN organizations o ON o.id = e."organizationId"
  WHERE e."generationId" = ${generationId} AND e.role <> 'PARTICIPANT' AND e.status <> 'WITHDRAWN'
    AND e."personId" NOT IN (SELECT "personId" FROM pp)
    AND EXISTS (SELECT 1 FROM attendance a JOIN held h ON h."sessionId" = a."sessionId" AND h.marked
                WHERE a."personId" = e."personId" AND a.status IN ('PRESENT', 'LATE'))
)
SELECT json_build_object(
  'people', (SELECT count(*) FROM pp WHERE "tookPart"),
  'organizations', (SELECT count(*) FROM (SELECT DISTINCT "organizationId" FROM part) x),
  'networks', (SELECT count(*) FROM network_part),
  'states', (SELECT count(*) FROM (SELECT DISTINCT state FROM part) x),
  'enrolled', (SELECT count(*) FROM pp),
  'enrolledOrganizations', (SELECT count(*) FROM (SELECT DISTINCT "organizationId" FROM links) x),
  'sessionsHeld', (SELECT count(*) FROM held),
  'pendingSessions', (SELECT count(*) FROM held WHERE NOT marked),
  'guests', (SELECT count(*) FROM guest),
  'virtualSessions', (SELECT count(*) FROM held WHERE marked AND modality = 'VIRTUAL'),
  'expected', (SELECT coalesce(sum(expected), 0) FROM held WHERE marked),
  'attended', (SELECT coalesce(sum(attended), 0) FROM held WHERE marked),
  'completed', (SELECT count(*) FROM pp WHERE completed),
  'byNetwork', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT np."networkId", n.name, np.people, np.organizations, ne.enrolled, ne.completed,
      coalesce(ns.sessions, 0) AS "sessionsHeld", coalesce(ne.expected, 0) AS expected, coalesce(ne.attended, 0) AS attended
    FROM network_part np
    JOIN networks n ON n.id = np."networkId"
    JOIN network_enrolled ne ON ne."networkId" = np."networkId"
    LEFT JOIN network_sessions ns ON ns."networkId" = np."networkId"
  ) x),
  'byState', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT p.state, p.people, o.organizations
    FROM (SELECT state, count(*) AS people FROM (SELECT DISTINCT state, "personId" FROM part) x GROUP BY state) p
    JOIN (SELECT state, count(*) AS organizations FROM (SELECT DISTINCT state, "organizationId" FROM part) x GROUP BY state) o ON o.state = p.state
  ) x),
  'byGender', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce(gender, 'UNKNOWN') AS value, count(*) AS count FROM pp WHERE "tookPart" GROUP BY 1
  ) x),
  'byAgeRange', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce("ageRange", 'UNKNOWN') AS value, count(*) AS count FROM pp WHERE "tookPart" GROUP BY 1
  ) x),
  'byOrganizationType', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT "organizationType" AS value, count(*) AS count FROM (SELECT DISTINCT "organizationType", "organizationId" FROM part) x GROUP BY 1
  ) x),
  'bySession', (SELECT coalesce(json_agg(x ORDER BY x."startsAt", x.id), '[]') FROM (
    SELECT "sessionId" AS id, "startsAt", title, modality, expected, attended FROM held WHERE marked
  ) x),
  'byModality', (SELECT coalesce(json_agg(x ORDER BY x.modality), '[]') FROM (
    SELECT modality, count(*) AS "sessionsHeld",
      coalesce(sum(expected) FILTER (WHERE marked), 0) AS expected, coalesce(sum(attended) FILTER (WHERE marked), 0) AS attended
    FROM held GROUP BY modality
  ) x)
) AS facts`;
}
