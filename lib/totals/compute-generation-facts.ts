import "server-only";
import { db, withStatementBudget } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AgeRange, type MexicanState, type Modality } from "@/lib/generated/prisma/enums";

export type FactsFilters = {
  networkId?: string;
  state?: MexicanState;
  modality?: Modality;
  from?: Date;
  to?: Date;
  /** One person's own figures (their page): the same statement, narrowed to their enrollments. */
  personId?: string;
};

type Count = { value: string; count: number };
type Ratio = { expected: number; attended: number };

export const FACTS_WORK_MEM = "64MB";

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Runs a totals statement with the memory to hash millions of attendance marks
 * without spilling to disk (SET LOCAL lasts only for this transaction), and
 * with more time than Prisma's 5-second default for a national generation.
 */
export function withFactsMemory<T>(run: (tx: Transaction) => Promise<T>) {
  return db.$transaction(
    async (tx) => {
      // set_config(…, true) is SET LOCAL with the value as a parameter.
      await tx.$queryRaw`SELECT set_config('work_mem', ${FACTS_WORK_MEM}, true)`;
      // Its own budget: a national generation's totals take seconds, more than the pool's default (lib/db.ts).
      await withStatementBudget(tx, 110_000);
      return run(tx);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/** Raw counts of a generation under filters; rates and suppression are applied by the callers. */
export type GenerationFacts = {
  people: number;
  organizations: number;
  networks: number;
  states: number;
  enrolled: number;
  enrolledOrganizations: number;
  sessionsHeld: number;
  /** Held sessions without any attendance mark yet: left out of every rate until marked. */
  pendingSessions: number;
  /** Guests, speakers, observers and staff marked at sessions: shown apart, never counted as participants. */
  guests: number;
  virtualSessions: number;
  expected: number;
  attended: number;
  completed: number;
  byNetwork: Array<
    {
      networkId: string;
      name: string;
      people: number;
      organizations: number;
      sessionsHeld: number;
      enrolled: number;
      completed: number;
    } & Ratio
  >;
  byState: Array<{ state: string; people: number; organizations: number }>;
  byGender: Count[];
  byAgeRange: Count[];
  byOrganizationType: Count[];
  bySession: Array<{ id: string; startsAt: string; title: string; modality: string } & Ratio>;
  byModality: Array<{ modality: string; sessionsHeld: number } & Ratio>;
};

/** The totals without the list of held sessions (the summary, the API). */
export type GenerationHeadline = Omit<GenerationFacts, "bySession">;

/**
 * THE computation behind every total of a generation (summary, API, dashboard,
 * PDF): one statement, straight from the records, so PostgreSQL does the
 * counting at national scale instead of the app reading millions of rows.
 *
 * - enrolled: participant enrollments (not guests, speakers, observers or staff) not withdrawn
 *   whose person, organization and network are active;
 * - took part (the participation rule): enrolled and present or late at one held session in view;
 * - a held session with no mark yet is "attendance pending": counted as held, left out of rates;
 * - a held session expects every enrolled person of its networks who had joined by then (an
 *   enrollment's joinedOn; none means from the start); people are grouped by the set of networks
 *   they are enrolled through and the day they joined, so "expected" is computed per group;
 * - completed: attended at least `completionPercent` of the held sessions expected of them.
 */
export async function computeGenerationFacts(generationId: string, completionPercent: number, filters: FactsFilters = {}) {
  const rows = await withFactsMemory((tx) =>
    tx.$queryRaw<Array<{ facts: GenerationFacts }>>(generationFactsQuery(generationId, completionPercent, filters)),
  );
  return sortFacts(rows[0]!.facts);
}

/** The statement itself, also run bare by the benchmark as the lower bound of what the app can do. */
/**
 * The CTEs every count is built from (enr: enrolled rows in view; part: rows of people who took part;
 * completer; person_attended; set_expected…), shared by the totals and by the lists behind them.
 */
export function generationFactsCtes(generationId: string, completionPercent: number, filters: FactsFilters = {}) {
  const networkId = filters.networkId ?? null;
  const state = filters.state ?? null;
  const modality = filters.modality ?? null;
  const from = filters.from?.toISOString() ?? null;
  const to = filters.to?.toISOString() ?? null;
  const personId = filters.personId ?? null;
  return Prisma.sql`
WITH
generation_network AS (
  SELECT "networkId" AS network_id FROM generation_networks WHERE "generationId" = ${generationId}
),
enr AS (
  SELECT e."personId" AS person_id, e."organizationId" AS organization_id, e."networkId" AS network_id, e."joinedOn" AS joined_on,
         n.name AS network_name, o.name AS organization_name, o.state::text AS state, o.type::text AS organization_type,
         p.gender::text AS gender, p."ageRange"::text AS age_range
  FROM enrollments e
  JOIN people p ON p.id = e."personId" AND p."deactivatedAt" IS NULL
  JOIN organizations o ON o.id = e."organizationId" AND o."deactivatedAt" IS NULL
  JOIN networks n ON n.id = e."networkId" AND n."deactivatedAt" IS NULL
  WHERE e."generationId" = ${generationId} AND e.status <> 'WITHDRAWN' AND e.role = 'PARTICIPANT'
    AND (${networkId}::text IS NULL OR e."networkId" = ${networkId}::text)
    AND (${state}::text IS NULL OR o.state::text = ${state}::text)
    AND (${personId}::text IS NULL OR e."personId" = ${personId}::text)
),
held_all AS (
  SELECT s.id, s."startsAt" AS starts_at, s.modality::text AS modality, s."allNetworks" AS all_networks, w.title,
         EXISTS (SELECT 1 FROM attendance m WHERE m."sessionId" = s.id) AS marked
  FROM sessions s JOIN workshops w ON w.id = s."workshopId"
  WHERE w."generationId" = ${generationId} AND s.status = 'HELD'
    AND (${modality}::text IS NULL OR s.modality::text = ${modality}::text)
    AND (${from}::timestamp IS NULL OR s."startsAt" >= ${from}::timestamp)
    AND (${to}::timestamp IS NULL OR s."startsAt" <= ${to}::timestamp)
    AND (${networkId}::text IS NULL OR s."allNetworks"
         OR EXISTS (SELECT 1 FROM session_networks x WHERE x."sessionId" = s.id AND x."networkId" = ${networkId}::text))
),
-- Held but not marked yet: "attendance pending", never a 0 % session.
pending AS (SELECT id FROM held_all WHERE NOT marked),
held_any AS (SELECT id, starts_at, modality, all_networks, title FROM held_all WHERE marked),
audience_any AS (
  SELECT h.id AS session_id, g.network_id FROM held_any h CROSS JOIN generation_network g WHERE h.all_networks
  UNION ALL
  SELECT sn."sessionId", sn."networkId" FROM session_networks sn JOIN held_any h ON h.id = sn."sessionId" AND NOT h.all_networks
),
-- Integer keys: grouping millions of attendance marks by int is several times faster than by cuid text.
held AS (SELECT h.*, (row_number() OVER ())::int AS session_key FROM held_any h),
audience AS (SELECT a.*, h.session_key FROM audience_any a JOIN held h ON h.id = a.session_id),
network_key AS (SELECT network_id, (row_number() OVER (ORDER BY network_id))::int AS key FROM (SELECT DISTINCT network_id FROM enr) n),
-- A person is expected from the day they joined: the earliest joinedOn of their enrollments, none if any has none.
person_networks AS (
  SELECT enr.person_id, array_agg(DISTINCT nk.key ORDER BY nk.key) AS nets,
         CASE WHEN bool_or(enr.joined_on IS NULL) THEN NULL ELSE min(enr.joined_on) END AS joined_on
  FROM enr JOIN network_key nk ON nk.network_id = enr.network_id GROUP BY enr.person_id
),
network_set AS (
  SELECT (row_number() OVER ())::int AS set_id, nets, joined_on, people
  FROM (SELECT nets, joined_on, count(*) AS people FROM person_networks GROUP BY nets, joined_on) s
),
person_set AS (
  SELECT pn.person_id, (row_number() OVER ())::int AS person_key, ns.set_id, ns.nets, ns.joined_on
  FROM person_networks pn JOIN network_set ns ON ns.nets = pn.nets AND ns.joined_on IS NOT DISTINCT FROM pn.joined_on
),
session_audience AS (
  SELECT h.id, h.session_key, min(h.starts_at) AS starts_at, array_agg(nk.key) AS nets
  FROM held h JOIN audience a ON a.session_key = h.session_key JOIN network_key nk ON nk.network_id = a.network_id
  GROUP BY h.id, h.session_key
),
set_session_network AS (
  SELECT ns.set_id, a.session_key, nk.network_id
  FROM network_set ns CROSS JOIN LATERAL unnest(ns.nets) AS u(key)
  JOIN network_key nk ON nk.key = u.key JOIN audience a ON a.network_id = nk.network_id
  JOIN held h ON h.session_key = a.session_key
  WHERE ns.joined_on IS NULL OR h.starts_at >= ns.joined_on
),
set_session AS (SELECT DISTINCT set_id, session_key FROM set_session_network),
-- Every attendance mark is read once, with no join to decide whether the person was expected
-- (their networks overlap the session's audience), tallying both per person and per (network set, session).
-- A mark at any held session in view counts as taking part, even one whose audience has none of the
-- enrolled networks (or no network at all): the participation rule asks only that the person came.
attended_groups AS MATERIALIZED (
  SELECT ps.person_key, ps.set_id, h.session_key, GROUPING(ps.person_key) AS by_set_session,
         count(*) FILTER (WHERE ps.nets && sa.nets AND (ps.joined_on IS NULL OR sa.starts_at >= ps.joined_on)) AS attended
  FROM attendance a
  JOIN held h ON h.id = a."sessionId"
  LEFT JOIN session_audience sa ON sa.session_key = h.session_key
  JOIN person_set ps ON ps.person_id = a."personId"
  WHERE a.status IN ('PRESENT', 'LATE')
  GROUP BY GROUPING SETS ((ps.person_key), (ps.set_id, h.session_key))
),
-- Anyone here came to a held session in view, expected there or not: the participation rule.
person_attended AS (
  SELECT ps.person_id, ps.set_id, g.attended FROM attended_groups g JOIN person_set ps ON ps.person_key = g.person_key WHERE g.by_set_session = 0
),
set_session_attended AS (SELECT set_id, session_key, attended FROM attended_groups WHERE by_set_session = 1),
set_expected AS (SELECT set_id, count(*) AS sessions FROM set_session GROUP BY set_id),
completer AS (
  SELECT pa.person_id FROM person_attended pa
  JOIN set_expected se ON se.set_id = pa.set_id
  WHERE pa.attended * 100 >= se.sessions * ${completionPercent}
),
part AS (SELECT enr.* FROM enr WHERE enr.person_id IN (SELECT person_id FROM person_attended)),
network_part AS (
  SELECT network_id, count(DISTINCT person_id) AS people, count(DISTINCT organization_id) AS organizations FROM part GROUP BY network_id
),
network_enrolled AS (
  SELECT enr.network_id, min(enr.network_name) AS name, count(DISTINCT enr.person_id) AS enrolled, count(DISTINCT c.person_id) AS completed
  FROM enr LEFT JOIN completer c ON c.person_id = enr.person_id GROUP BY enr.network_id
),
network_sessions AS (SELECT network_id, count(DISTINCT session_key) AS sessions FROM audience GROUP BY network_id),
network_expected AS (
  SELECT ssn.network_id, sum(ns.people) AS expected FROM set_session_network ssn JOIN network_set ns ON ns.set_id = ssn.set_id
  GROUP BY ssn.network_id
),
network_attended AS (
  SELECT ssn.network_id, sum(ssa.attended) AS attended FROM set_session_attended ssa
  JOIN set_session_network ssn ON ssn.set_id = ssa.set_id AND ssn.session_key = ssa.session_key
  GROUP BY ssn.network_id
),
session_expected AS (
  SELECT ss.session_key, sum(ns.people) AS expected FROM set_session ss JOIN network_set ns ON ns.set_id = ss.set_id GROUP BY ss.session_key
),
session_attended AS (SELECT session_key, sum(attended) AS attended FROM set_session_attended GROUP BY session_key),
session_ratio AS (
  SELECT h.id, h.starts_at, h.title, h.modality, coalesce(se.expected, 0) AS expected, coalesce(sa.attended, 0) AS attended
  FROM held h LEFT JOIN session_expected se ON se.session_key = h.session_key LEFT JOIN session_attended sa ON sa.session_key = h.session_key
),
distinct_part_person AS (SELECT DISTINCT person_id, gender, age_range FROM part),
-- Guests, speakers, observers and staff in view who came to a held session, and are not participants too.
guest AS (
  SELECT DISTINCT e."personId" AS person_id FROM enrollments e
  JOIN organizations o ON o.id = e."organizationId"
  WHERE e."generationId" = ${generationId} AND e.role <> 'PARTICIPANT' AND e.status <> 'WITHDRAWN'
    AND (${networkId}::text IS NULL OR e."networkId" = ${networkId}::text)
    AND (${state}::text IS NULL OR o.state::text = ${state}::text)
    AND (${personId}::text IS NULL OR e."personId" = ${personId}::text)
    AND e."personId" NOT IN (SELECT person_id FROM enr)
    AND EXISTS (SELECT 1 FROM attendance a JOIN held_any h ON h.id = a."sessionId"
                WHERE a."personId" = e."personId" AND a.status IN ('PRESENT', 'LATE'))
),
distinct_part_organization AS (SELECT DISTINCT organization_id, organization_type FROM part)`;
}

export function generationFactsQuery(generationId: string, completionPercent: number, filters: FactsFilters = {}) {
  return Prisma.sql`${generationFactsCtes(generationId, completionPercent, filters)}
SELECT json_build_object(
  'people', (SELECT count(*) FROM distinct_part_person),
  'organizations', (SELECT count(*) FROM distinct_part_organization),
  'networks', (SELECT count(*) FROM network_part),
  'states', (SELECT count(DISTINCT state) FROM part),
  'enrolled', (SELECT count(*) FROM person_networks),
  'enrolledOrganizations', (SELECT count(DISTINCT organization_id) FROM enr),
  'sessionsHeld', (SELECT count(*) FROM held) + (SELECT count(*) FROM pending),
  'pendingSessions', (SELECT count(*) FROM pending),
  'guests', (SELECT count(*) FROM guest),
  'virtualSessions', (SELECT count(*) FROM held WHERE modality = 'VIRTUAL'),
  'expected', (SELECT coalesce(sum(expected), 0) FROM session_ratio),
  'attended', (SELECT coalesce(sum(attended), 0) FROM session_ratio),
  'completed', (SELECT count(*) FROM completer),
  'byNetwork', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT np.network_id AS "networkId", ne.name, np.people, np.organizations, ne.enrolled, ne.completed,
      coalesce(ns.sessions, 0) AS "sessionsHeld", coalesce(nx.expected, 0) AS expected, coalesce(na.attended, 0) AS attended
    FROM network_part np
    JOIN network_enrolled ne ON ne.network_id = np.network_id
    LEFT JOIN network_sessions ns ON ns.network_id = np.network_id
    LEFT JOIN network_expected nx ON nx.network_id = np.network_id
    LEFT JOIN network_attended na ON na.network_id = np.network_id
  ) x),
  'byState', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT state, count(DISTINCT person_id) AS people, count(DISTINCT organization_id) AS organizations FROM part GROUP BY state
  ) x),
  'byGender', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce(gender, 'UNKNOWN') AS value, count(*) AS count FROM distinct_part_person GROUP BY 1
  ) x),
  'byAgeRange', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT coalesce(age_range, 'UNKNOWN') AS value, count(*) AS count FROM distinct_part_person GROUP BY 1
  ) x),
  'byOrganizationType', (SELECT coalesce(json_agg(x), '[]') FROM (
    SELECT organization_type AS value, count(*) AS count FROM distinct_part_organization GROUP BY 1
  ) x),
  'bySession', (SELECT coalesce(json_agg(x ORDER BY x."startsAt", x.id), '[]') FROM (
    SELECT id, starts_at AS "startsAt", title, modality, expected, attended FROM session_ratio
  ) x),
  'byModality', (SELECT coalesce(json_agg(x ORDER BY x.modality), '[]') FROM (
    SELECT ha.modality, count(*) AS "sessionsHeld", coalesce(sum(sr.expected), 0) AS expected, coalesce(sum(sr.attended), 0) AS attended
    FROM held_all ha LEFT JOIN session_ratio sr ON sr.id = ha.id GROUP BY ha.modality
  ) x)
) AS facts`;
}

const byCount = (a: Count, b: Count) => b.count - a.count || a.value.localeCompare(b.value);
// Ages read youngest to oldest, with "unknown" last, whatever their counts.
const AGE_ORDER: string[] = [...Object.values(AgeRange), "UNKNOWN"];
const byAge = (a: Count, b: Count) => AGE_ORDER.indexOf(a.value) - AGE_ORDER.indexOf(b.value);

/** Orders in JavaScript so names sort by the user's alphabet, not the database's C collation. */
export function sortFacts<T extends GenerationHeadline>(facts: T): T {
  return {
    ...facts,
    byNetwork: facts.byNetwork.sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
    byState: facts.byState.sort((a, b) => b.people - a.people || a.state.localeCompare(b.state)),
    byGender: facts.byGender.sort(byCount),
    byAgeRange: facts.byAgeRange.sort(byAge),
    byOrganizationType: facts.byOrganizationType.sort(byCount),
  };
}

export const rateOf = ({ expected, attended }: Ratio) => (expected ? attended / expected : null);
