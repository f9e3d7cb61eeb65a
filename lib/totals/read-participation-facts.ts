import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sortFacts, type GenerationFacts, type GenerationHeadline } from "./compute-generation-facts";

/**
 * A generation's totals read from what PostgreSQL keeps on every write: the headline and breakdowns of
 * people and organizations from participation_tallies (migration participation_tallies, about a hundred rows per
 * generation), the sessions from participation_sessions (migration participation_facts). The same numbers as the
 * totals statement (lib/totals/compute-generation-facts.ts) without its pass over the attendance marks or over the
 * generation's people, so they cost milliseconds right after a write. lib/totals/verify-participation-facts.ts
 * proves the two agree.
 */
export async function readParticipationFacts(generationId: string): Promise<GenerationFacts>;
/** Without the list of sessions (a national generation has thousands): what the summary shows. */
export async function readParticipationFacts(generationId: string, options: { sessions: false }): Promise<GenerationHeadline>;
export async function readParticipationFacts(generationId: string, options: { sessions?: boolean } = {}) {
  const rows = await db.$queryRaw<Array<{ facts: GenerationFacts }>>(participationFactsQuery(generationId, options));
  return sortFacts(rows[0]!.facts);
}

/** The statement behind readParticipationFacts, also run bare by the benchmark. */
export function participationFactsQuery(generationId: string, { sessions = true }: { sessions?: boolean } = {}) {
  // Titles come from the workshops: joined only when the sessions are listed.
  const bySession = sessions
    ? Prisma.sql`,
  'bySession', (SELECT coalesce(json_agg(x ORDER BY x."startsAt", x.id), '[]') FROM (
    SELECT h."sessionId" AS id, h."startsAt", w.title, h.modality, h.expected, h.attended FROM held h
    JOIN sessions x ON x.id = h."sessionId" JOIN workshops w ON w.id = x."workshopId"
    WHERE h.marked
  ) x)`
    : Prisma.empty;
  return Prisma.sql`
WITH
t AS MATERIALIZED (SELECT * FROM participation_tallies WHERE "generationId" = ${generationId}),
total AS (SELECT * FROM t WHERE dim = 'all'),
held AS MATERIALIZED (
  SELECT "sessionId", "startsAt", modality, marked, expected, attended FROM participation_sessions
  WHERE "generationId" = ${generationId} AND held
),
-- Guests: marked at a held session, enrolled in another role and not as a participant (partial index enrollments_guests_idx).
guest AS (
  SELECT DISTINCT e."personId" FROM enrollments e
  JOIN organizations o ON o.id = e."organizationId"
  WHERE e."generationId" = ${generationId} AND e.role <> 'PARTICIPANT' AND e.status <> 'WITHDRAWN'
    AND NOT EXISTS (SELECT 1 FROM participation_people p WHERE p."generationId" = ${generationId} AND p."personId" = e."personId")
    AND EXISTS (SELECT 1 FROM attendance a JOIN held h ON h."sessionId" = a."sessionId" AND h.marked
                WHERE a."personId" = e."personId" AND a.status IN ('PRESENT', 'LATE'))
)
SELECT json_build_object(
  'people', coalesce((SELECT people FROM total), 0),
  'organizations', coalesce((SELECT organizations FROM total), 0),
  'networks', (SELECT count(*) FROM t WHERE dim = 'network' AND people > 0),
  'states', (SELECT count(*) FROM t WHERE dim = 'state' AND people > 0),
  'enrolled', coalesce((SELECT enrolled FROM total), 0),
  'enrolledOrganizations', coalesce((SELECT "enrolledOrganizations" FROM total), 0),
  'sessionsHeld', (SELECT count(*) FROM held),
  'pendingSessions', (SELECT count(*) FROM held WHERE NOT marked),
  'guests', (SELECT count(*) FROM guest),
  'virtualSessions', (SELECT count(*) FROM held WHERE marked AND modality = 'VIRTUAL'),
  'expected', (SELECT coalesce(sum(expected), 0) FROM held WHERE marked),
  'attended', (SELECT coalesce(sum(attended), 0) FROM held WHERE marked),
  'completed', coalesce((SELECT completed FROM total), 0),
  'byNetwork', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT t.key AS "networkId", n.name, t.people, t.organizations, t.enrolled, t.completed,
      t.sessions AS "sessionsHeld", t.expected, t.attended
    FROM t JOIN networks n ON n.id = t.key
    WHERE t.dim = 'network' AND t.people > 0
  ) x),
  'byState', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT key AS state, people, organizations FROM t WHERE dim = 'state' AND people > 0
  ) x),
  'byGender', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT key AS value, people AS count FROM t WHERE dim = 'gender' AND people > 0
  ) x),
  'byAgeRange', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT key AS value, people AS count FROM t WHERE dim = 'age' AND people > 0
  ) x),
  'byOrganizationType', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT key AS value, organizations AS count FROM t WHERE dim = 'type' AND organizations > 0
  ) x),
  'byModality', (SELECT coalesce(json_agg(x ORDER BY x.modality), '[]') FROM (
    SELECT modality, count(*) AS "sessionsHeld",
      coalesce(sum(expected) FILTER (WHERE marked), 0) AS expected, coalesce(sum(attended) FILTER (WHERE marked), 0) AS attended
    FROM held GROUP BY modality
  ) x)${bySession}
) AS facts`;
}
