import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortFacts, type GenerationFacts } from "./compute-generation-facts";

/**
 * A generation's totals under a network filter, read from the participation facts (migrations
 * participation_facts and participation_tallies) instead of the totals statement's pass over every mark:
 * the network's participation links (one per person), the sessions whose audience includes it, and the marks
 * of its own people only (a national network's few thousand, not the generation's millions). Under the filter a
 * person is expected from the day they joined that network, so expected and attended are counted here, not
 * taken from the links (whose day is the person's first in any network). The same numbers as computeGenerationFacts with `{ networkId }` (the statement narrows
 * people to that network and sessions to those for it); lib/totals/verify-participation-facts.ts proves it.
 * Null for a network that is not one of the generation's (sessions "for every network" include a network
 * through their audience, which lists the generation's networks): the statement answers for those.
 */
export async function readNetworkFacts(
  generationId: string,
  networkId: string,
  completionPercent: number,
): Promise<GenerationFacts | null> {
  const rows = await db.$queryRaw<Array<{ facts: GenerationFacts | null }>>(networkFactsQuery(generationId, networkId, completionPercent));
  const facts = rows[0]!.facts;
  return facts && sortFacts(facts);
}

export function networkFactsQuery(generationId: string, networkId: string, completionPercent: number) {
  return Prisma.sql`
WITH
l AS MATERIALIZED (
  SELECT l."personId", l."organizationId", l.state, l."organizationType", l."joinedOn", p.gender, p."ageRange"
  FROM participation_links l JOIN participation_people p ON p."generationId" = l."generationId" AND p."personId" = l."personId"
  WHERE l."generationId" = ${generationId} AND l."networkId" = ${networkId}
),
held AS MATERIALIZED (
  SELECT "sessionId", "startsAt", modality, marked FROM participation_sessions
  WHERE "generationId" = ${generationId} AND held AND audience @> ARRAY[${networkId}::text]
),
-- The marks of this network's people only (found by person), at its held, marked sessions: any of them makes the
-- person take part, those from the day they joined this network count as attended.
link_marks AS MATERIALIZED (
  SELECT l."personId", a."sessionId", (l."joinedOn" IS NULL OR h."startsAt" >= l."joinedOn") AS counted FROM l
  JOIN attendance a ON a."personId" = l."personId" AND a.status IN ('PRESENT', 'LATE')
  JOIN held h ON h."sessionId" = a."sessionId" AND h.marked
),
person_attended AS (SELECT "personId", count(*) FILTER (WHERE counted) AS attended FROM link_marks GROUP BY 1),
-- Expected of a person: this network's held, marked sessions from the day they joined it.
joined_expected AS (
  SELECT j."joinedOn", count(h."sessionId") AS expected FROM (SELECT DISTINCT "joinedOn" FROM l) j
  LEFT JOIN held h ON h.marked AND (j."joinedOn" IS NULL OR h."startsAt" >= j."joinedOn")
  GROUP BY j."joinedOn"
),
own AS MATERIALIZED (
  SELECT l.*, coalesce(je.expected, 0) AS expected, coalesce(pa.attended, 0) AS attended, pa."personId" IS NOT NULL AS came
  FROM l LEFT JOIN joined_expected je ON je."joinedOn" IS NOT DISTINCT FROM l."joinedOn"
  LEFT JOIN person_attended pa ON pa."personId" = l."personId"
),
part AS MATERIALIZED (SELECT * FROM own WHERE came),
joined AS (SELECT "joinedOn", count(*) AS people FROM l GROUP BY 1),
session_expected AS (
  SELECT h."sessionId", sum(j.people) AS expected FROM held h
  JOIN joined j ON j."joinedOn" IS NULL OR h."startsAt" >= j."joinedOn"
  WHERE h.marked GROUP BY 1
),
session_attended AS (SELECT "sessionId", count(*) AS attended FROM link_marks WHERE counted GROUP BY 1),
session_ratio AS MATERIALIZED (
  SELECT h."sessionId", h."startsAt", h.modality, coalesce(se.expected, 0) AS expected, coalesce(sa.attended, 0) AS attended
  FROM held h LEFT JOIN session_expected se ON se."sessionId" = h."sessionId" LEFT JOIN session_attended sa ON sa."sessionId" = h."sessionId"
  WHERE h.marked
),
-- Guests of this network who came to one of its held sessions, and are not its participants.
guest AS (
  SELECT DISTINCT e."personId" FROM enrollments e
  JOIN organizations o ON o.id = e."organizationId"
  WHERE e."generationId" = ${generationId} AND e.role <> 'PARTICIPANT' AND e.status <> 'WITHDRAWN' AND e."networkId" = ${networkId}
    AND NOT EXISTS (SELECT 1 FROM l WHERE l."personId" = e."personId")
    AND EXISTS (SELECT 1 FROM attendance a JOIN held h ON h."sessionId" = a."sessionId" AND h.marked
                WHERE a."personId" = e."personId" AND a.status IN ('PRESENT', 'LATE'))
),
completer AS (SELECT * FROM part WHERE expected > 0 AND attended * 100 >= expected * ${completionPercent})
SELECT CASE WHEN EXISTS (SELECT 1 FROM generation_networks WHERE "generationId" = ${generationId} AND "networkId" = ${networkId}) THEN json_build_object(
  'people', (SELECT count(*) FROM part),
  'organizations', (SELECT count(DISTINCT "organizationId") FROM part),
  'networks', (SELECT count(*) FROM (SELECT 1 FROM part LIMIT 1) x),
  'states', (SELECT count(DISTINCT state) FROM part),
  'enrolled', (SELECT count(*) FROM l),
  'enrolledOrganizations', (SELECT count(DISTINCT "organizationId") FROM l),
  'sessionsHeld', (SELECT count(*) FROM held),
  'pendingSessions', (SELECT count(*) FROM held WHERE NOT marked),
  'guests', (SELECT count(*) FROM guest),
  'virtualSessions', (SELECT count(*) FROM held WHERE marked AND modality = 'VIRTUAL'),
  'expected', (SELECT coalesce(sum(expected), 0) FROM session_ratio),
  'attended', (SELECT coalesce(sum(attended), 0) FROM session_ratio),
  'completed', (SELECT count(*) FROM completer),
  'byNetwork', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT n.id AS "networkId", n.name, (SELECT count(*) FROM part) AS people,
      (SELECT count(DISTINCT "organizationId") FROM part) AS organizations, (SELECT count(*) FROM l) AS enrolled,
      (SELECT count(*) FROM completer) AS completed, (SELECT count(*) FROM held WHERE marked) AS "sessionsHeld",
      (SELECT coalesce(sum(expected), 0) FROM own) AS expected, (SELECT coalesce(sum(attended), 0) FROM own) AS attended
    FROM networks n WHERE n.id = ${networkId} AND EXISTS (SELECT 1 FROM part)
  ) x),
  'byState', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT state, count(*) AS people, count(DISTINCT "organizationId") AS organizations FROM part GROUP BY state
  ) x),
  'byGender', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce(gender, 'UNKNOWN') AS value, count(*) AS count FROM part GROUP BY 1
  ) x),
  'byAgeRange', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce("ageRange", 'UNKNOWN') AS value, count(*) AS count FROM part GROUP BY 1
  ) x),
  'byOrganizationType', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT "organizationType" AS value, count(*) AS count FROM (SELECT DISTINCT "organizationId", "organizationType" FROM part) o GROUP BY 1
  ) x),
  'bySession', (SELECT coalesce(json_agg(x ORDER BY x."startsAt", x.id), '[]') FROM (
    SELECT r."sessionId" AS id, r."startsAt", w.title, r.modality, r.expected, r.attended FROM session_ratio r
    JOIN sessions s ON s.id = r."sessionId" JOIN workshops w ON w.id = s."workshopId"
  ) x),
  'byModality', (SELECT coalesce(json_agg(x ORDER BY x.modality), '[]') FROM (
    SELECT h.modality, count(*) AS "sessionsHeld", coalesce(sum(r.expected), 0) AS expected, coalesce(sum(r.attended), 0) AS attended
    FROM held h LEFT JOIN session_ratio r ON r."sessionId" = h."sessionId" GROUP BY h.modality
  ) x)
) END AS facts`;
}
