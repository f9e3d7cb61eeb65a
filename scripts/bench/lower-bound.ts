/**
 * The independent lower bound of the benchmark: what an expert would write by hand for a generation's
 * headline numbers (people, organizations, networks and states that took part, sessions held, the
 * attendance rate, and per network and per state), straight from the rule and nothing of the app's
 * statement: who is enrolled, which held sessions have marks, who each one expected (the people enrolled
 * through a network of its audience), who came. It assumes the benchmark's shape (no late joiners, one network per
 * session, so a session's expected people are its network's enrolled people), and the benchmark checks that it
 * returns exactly the app's numbers before timing either.
 */
export const LOWER_BOUND_SQL = `
WITH enr AS MATERIALIZED (
  SELECT e."personId" AS p, e."networkId" AS n, e."organizationId" AS o, org.state::text AS st
  FROM enrollments e
  JOIN people pe ON pe.id = e."personId" AND pe."deactivatedAt" IS NULL
  JOIN organizations org ON org.id = e."organizationId" AND org."deactivatedAt" IS NULL
  JOIN networks net ON net.id = e."networkId" AND net."deactivatedAt" IS NULL
  WHERE e."generationId" = $1 AND e.role = 'PARTICIPANT' AND e.status <> 'WITHDRAWN'
),
held AS MATERIALIZED (
  SELECT s.id, s."allNetworks", EXISTS (SELECT 1 FROM attendance a WHERE a."sessionId" = s.id) AS marked
  FROM sessions s JOIN workshops w ON w.id = s."workshopId"
  WHERE w."generationId" = $1 AND s.status = 'HELD'
),
aud AS MATERIALIZED (
  SELECT sn."sessionId" AS s, sn."networkId" AS n FROM session_networks sn JOIN held h ON h.id = sn."sessionId" AND h.marked AND NOT h."allNetworks"
  UNION ALL
  SELECT h.id, gn."networkId" FROM held h JOIN generation_networks gn ON gn."generationId" = $1 WHERE h.marked AND h."allNetworks"
),
-- Present or late at a held session: one pass over the marks, keeping the session's network.
came AS MATERIALIZED (
  SELECT a."personId" AS p, x.n FROM attendance a JOIN aud x ON x.s = a."sessionId" WHERE a.status IN ('PRESENT', 'LATE')
),
part AS MATERIALIZED (SELECT e.* FROM enr e WHERE e.p IN (SELECT p FROM came)),
-- Each session expects everyone enrolled through its network (the benchmark's sessions have one network each).
network_rate AS (
  SELECT en.n, coalesce(s.sessions, 0) * en.people AS expected, coalesce(h.attended, 0) AS attended
  FROM (SELECT n, count(*) AS people FROM enr GROUP BY n) en
  LEFT JOIN (SELECT n, count(*) AS sessions FROM aud GROUP BY n) s ON s.n = en.n
  LEFT JOIN (SELECT c.n, count(*) AS attended FROM came c JOIN enr e ON e.p = c.p AND e.n = c.n GROUP BY c.n) h ON h.n = en.n
)
SELECT json_build_object(
  'people', (SELECT count(DISTINCT p) FROM part),
  'organizations', (SELECT count(DISTINCT o) FROM part),
  'networks', (SELECT count(DISTINCT n) FROM part),
  'states', (SELECT count(DISTINCT st) FROM part),
  'sessionsHeld', (SELECT count(*) FROM held),
  'expected', (SELECT sum(expected) FROM network_rate),
  'attended', (SELECT sum(attended) FROM network_rate),
  'byNetwork', (SELECT json_agg(x ORDER BY x."networkId") FROM (
    SELECT pt.n AS "networkId", count(DISTINCT pt.p) AS people, count(DISTINCT pt.o) AS organizations,
           coalesce(r.expected, 0) AS expected, coalesce(r.attended, 0) AS attended
    FROM part pt LEFT JOIN network_rate r ON r.n = pt.n GROUP BY pt.n, r.expected, r.attended
  ) x),
  'byState', (SELECT json_agg(x ORDER BY x.state) FROM (
    SELECT st AS state, count(DISTINCT p) AS people, count(DISTINCT o) AS organizations FROM part GROUP BY st
  ) x)
) AS headline`;

export type LowerBoundHeadline = {
  people: number;
  organizations: number;
  networks: number;
  states: number;
  sessionsHeld: number;
  expected: number;
  attended: number;
  byNetwork: Array<{ networkId: string; people: number; organizations: number; expected: number; attended: number }>;
  byState: Array<{ state: string; people: number; organizations: number }>;
};

type Summary = {
  people: number;
  organizations: number;
  networks: number;
  states: number;
  sessionsHeld: number;
  attendanceRate: number | null;
  byNetwork: Array<{ networkId: string; people: number | string; organizations: number | string; attendanceRate: number | null }>;
  byState: Array<{ state: string; people: number | string; organizations: number | string }>;
};

/** Differences between the lower bound's numbers and the summary API's (empty when they agree exactly). */
export function headlineDifferences(bound: LowerBoundHeadline, summary: Summary): string[] {
  const differences: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    if (a !== b) differences.push(`${label}: lower bound ${String(a)}, app ${String(b)}`);
  };
  for (const key of ["people", "organizations", "networks", "states", "sessionsHeld"] as const) same(key, bound[key], summary[key]);
  same("attendanceRate", bound.expected ? bound.attended / bound.expected : null, summary.attendanceRate);
  const networks = new Map(summary.byNetwork.map((row) => [row.networkId, row]));
  same("byNetwork rows", bound.byNetwork.length, summary.byNetwork.length);
  for (const row of bound.byNetwork) {
    const app = networks.get(row.networkId);
    same(`byNetwork ${row.networkId} people`, row.people, app?.people);
    same(`byNetwork ${row.networkId} organizations`, row.organizations, app?.organizations);
    same(`byNetwork ${row.networkId} rate`, row.expected ? row.attended / row.expected : null, app?.attendanceRate);
  }
  const states = new Map(summary.byState.map((row) => [row.state, row]));
  same("byState rows", bound.byState.length, summary.byState.length);
  for (const row of bound.byState) {
    same(`byState ${row.state} people`, row.people, states.get(row.state)?.people);
    same(`byState ${row.state} organizations`, row.organizations, states.get(row.state)?.organizations);
  }
  return differences;
}
