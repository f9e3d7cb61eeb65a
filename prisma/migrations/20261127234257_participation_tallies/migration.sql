-- CreateTable
CREATE TABLE "participation_tallies" (
    "generationId" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "people" INTEGER NOT NULL,
    "enrolled" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "organizations" INTEGER NOT NULL,
    "enrolledOrganizations" INTEGER NOT NULL,
    "expected" BIGINT NOT NULL,
    "attended" BIGINT NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "participation_tallies_pkey" PRIMARY KEY ("generationId","dim","key")
);

-- CreateTable
CREATE TABLE "participation_members" (
    "generationId" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "enrolled" INTEGER NOT NULL,

    CONSTRAINT "participation_members_pkey" PRIMARY KEY ("generationId","dim","key","member")
);


-- Hand-written below. The headline of each generation kept in participation_tallies, with the distinct members
-- behind its distinct counts in participation_members, moved in the same transaction as the facts of
-- migration participation_facts: refresh_participation takes the contributions of the people it refreshes out
-- (participation_tally with -1) before replacing their rows and puts them back (+1) after. Read by
-- lib/totals/read-participation-facts.ts, checked against a rebuild from the records by
-- lib/totals/verify-participation-facts.ts. Multi-statement bodies are E'' strings with \x3b for their semicolons.
--
-- Contributions: each participant row counts once in "all", under its gender and age range, and each of its links
-- once under its network. A member (an organization of the generation, of a network, of a state or of a type, a
-- person of a state) counts while some link puts it there, and counts as taking part while some such link is of a
-- person who took part: when its numbers cross zero, the tally of its dimension and key moves by one.

CREATE FUNCTION participation_tally(g text, ids text[], sign integer) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  WITH pp AS MATERIALIZED (
    SELECT "personId", gender, "ageRange", "tookPart"::int AS part, completed::int AS done
    FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))
  ),
  l AS MATERIALIZED (
    SELECT l."personId", l."networkId", l."organizationId", l.state, l."organizationType", l.expected, l.attended, pp.part, pp.done
    FROM participation_links l JOIN pp ON pp."personId" = l."personId" WHERE l."generationId" = g
  ),
  members AS MATERIALIZED (
    SELECT dim, key, member, sum(part)::int * sign AS part, count(*)::int * sign AS enrolled FROM (
      SELECT ''all:org'' AS dim, '''' AS key, "organizationId" AS member, part FROM l
      UNION ALL SELECT ''network:org'', "networkId", "organizationId", part FROM l
      UNION ALL SELECT ''state:org'', state, "organizationId", part FROM l
      UNION ALL SELECT ''type:org'', "organizationType", "organizationId", part FROM l
      UNION ALL SELECT ''state:person'', state, "personId", part FROM l
    ) x GROUP BY dim, key, member
  ),
  moved AS (
    INSERT INTO participation_members AS m ("generationId", dim, key, member, part, enrolled)
    SELECT g, dim, key, member, part, enrolled FROM members
    ON CONFLICT ("generationId", dim, key, member) DO UPDATE SET part = m.part + excluded.part, enrolled = m.enrolled + excluded.enrolled
    RETURNING dim, key, member, part, enrolled
  ),
  crossed AS (
    SELECT split_part(v.dim, '':'', 1) AS dim, v.key,
      coalesce(sum((v.part > 0)::int - (v.part - d.part > 0)::int) FILTER (WHERE v.dim = ''state:person''), 0) AS people,
      coalesce(sum((v.part > 0)::int - (v.part - d.part > 0)::int) FILTER (WHERE v.dim <> ''state:person''), 0) AS organizations,
      coalesce(sum((v.enrolled > 0)::int - (v.enrolled - d.enrolled > 0)::int) FILTER (WHERE v.dim = ''all:org''), 0) AS enrolled_organizations
    FROM moved v JOIN members d ON d.dim = v.dim AND d.key = v.key AND d.member = v.member
    GROUP BY 1, 2
  ),
  additive AS (
    SELECT ''all'' AS dim, '''' AS key, sum(part) AS people, count(*) AS enrolled, sum(done) AS completed, 0::bigint AS expected, 0::bigint AS attended
    FROM pp HAVING count(*) > 0
    UNION ALL SELECT ''gender'', coalesce(gender, ''UNKNOWN''), sum(part), count(*), sum(done), 0, 0 FROM pp GROUP BY 2
    UNION ALL SELECT ''age'', coalesce("ageRange", ''UNKNOWN''), sum(part), count(*), sum(done), 0, 0 FROM pp GROUP BY 2
    UNION ALL SELECT ''network'', "networkId", sum(part), count(*), sum(done), sum(expected), sum(attended) FROM l GROUP BY 2
  ),
  deltas AS (
    SELECT dim, key, sum(people) AS people, sum(enrolled) AS enrolled, sum(completed) AS completed, sum(organizations) AS organizations,
           sum(enrolled_organizations) AS enrolled_organizations, sum(expected) AS expected, sum(attended) AS attended
    FROM (
      SELECT dim, key, people * sign AS people, enrolled * sign AS enrolled, completed * sign AS completed, 0 AS organizations,
             0 AS enrolled_organizations, expected * sign AS expected, attended * sign AS attended FROM additive
      UNION ALL SELECT dim, key, people, 0, 0, organizations, enrolled_organizations, 0, 0 FROM crossed
    ) x GROUP BY dim, key
  )
  INSERT INTO participation_tallies AS t ("generationId", dim, key, people, enrolled, completed, organizations, "enrolledOrganizations", expected, attended)
  SELECT g, dim, key, people, enrolled, completed, organizations, enrolled_organizations, expected, attended FROM deltas
  ORDER BY dim, key
  ON CONFLICT ("generationId", dim, key) DO UPDATE SET people = t.people + excluded.people, enrolled = t.enrolled + excluded.enrolled,
    completed = t.completed + excluded.completed, organizations = t.organizations + excluded.organizations,
    "enrolledOrganizations" = t."enrolledOrganizations" + excluded."enrolledOrganizations",
    expected = t.expected + excluded.expected, attended = t.attended + excluded.attended\x3b
END
';

-- Sessions' rows as before, and per network of their audience, the held sessions with a mark (tallies, dim
-- "network", column sessions): moved by the difference between the rows before and after, so a mark at a session
-- that already counted writes no tally.

CREATE OR REPLACE FUNCTION refresh_participation_session_rows(ids text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  before jsonb\x3b
BEGIN
  before := (SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', s."generationId", ''n'', n)), ''[]'')
             FROM participation_sessions s CROSS JOIN LATERAL unnest(s.audience) AS n
             WHERE s."sessionId" IN (SELECT unnest(ids)) AND s.held AND s.marked)\x3b
  WITH gone AS (
    DELETE FROM participation_sessions p
    WHERE p."sessionId" IN (SELECT unnest(ids))
      AND NOT EXISTS (SELECT 1 FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE s.id = p."sessionId")
  )
  INSERT INTO participation_sessions ("sessionId", "generationId", "startsAt", modality, held, marked, audience, expected, attended)
  SELECT s.id, w."generationId", s."startsAt", s.modality::text, s.status = ''HELD'',
         EXISTS (SELECT 1 FROM attendance m WHERE m."sessionId" = s.id),
         CASE WHEN s."allNetworks"
              THEN ARRAY(SELECT gn."networkId" FROM generation_networks gn WHERE gn."generationId" = w."generationId" ORDER BY 1)
              ELSE ARRAY(SELECT sn."networkId" FROM session_networks sn WHERE sn."sessionId" = s.id ORDER BY 1) END,
         0, 0
  FROM sessions s JOIN workshops w ON w.id = s."workshopId"
  WHERE s.id IN (SELECT unnest(ids))
  ORDER BY s.id
  ON CONFLICT ("sessionId") DO UPDATE SET "generationId" = excluded."generationId", "startsAt" = excluded."startsAt",
    modality = excluded.modality, held = excluded.held, marked = excluded.marked, audience = excluded.audience\x3b
  INSERT INTO participation_tallies AS t ("generationId", dim, key, people, enrolled, completed, organizations, "enrolledOrganizations", expected, attended, sessions)
  SELECT g, ''network'', n, 0, 0, 0, 0, 0, 0, 0, sum(d)::int FROM (
    SELECT x.g, x.n, -1 AS d FROM jsonb_to_recordset(before) AS x(g text, n text)
    UNION ALL
    SELECT s."generationId", n, 1 FROM participation_sessions s CROSS JOIN LATERAL unnest(s.audience) AS n
    WHERE s."sessionId" IN (SELECT unnest(ids)) AND s.held AND s.marked
  ) y GROUP BY g, n HAVING sum(d) <> 0
  ORDER BY 1, 3
  ON CONFLICT ("generationId", dim, key) DO UPDATE SET sessions = t.sessions + excluded.sessions\x3b
END
';

-- The counts of a few people (a mark, up to 50) read only the sessions of their networks, found through the
-- audience's GIN index, and their own marks' sessions by key: a national generation has 5,000 sessions, a person's
-- networks a few dozen. For many people (a rebuild, an import) every held session of the generation, as before:
-- the filters would cost more than they save.

CREATE OR REPLACE FUNCTION refresh_participation_people_counts(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  few boolean := cardinality(ids) <= 50\x3b
BEGIN
  WITH pp AS MATERIALIZED (SELECT "personId", nets, "joinedOn" FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))),
  held AS MATERIALIZED (
    SELECT s."sessionId", s."startsAt", s.audience FROM participation_sessions s
    WHERE s."generationId" = g AND s.held AND s.marked AND (NOT few OR s.audience && (SELECT ARRAY(SELECT DISTINCT unnest(nets) FROM pp)))
  ),
  groups AS (SELECT DISTINCT nets, "joinedOn" FROM pp),
  group_expected AS (
    SELECT gr.nets, gr."joinedOn", count(*) AS expected FROM groups gr
    JOIN held h ON h.audience && gr.nets AND (gr."joinedOn" IS NULL OR h."startsAt" >= gr."joinedOn")
    GROUP BY gr.nets, gr."joinedOn"
  ),
  -- A mark at any held, marked session counts as taking part, expected there or not: for a few people the sessions
  -- of their marks by key, for many every held session of the generation.
  marked_sessions AS (
    SELECT s."sessionId", s."startsAt", s.audience FROM participation_sessions s
    WHERE s."generationId" = g AND s.held AND s.marked
      AND (NOT few OR s."sessionId" IN (SELECT a."sessionId" FROM attendance a WHERE a."personId" IN (SELECT "personId" FROM pp)))
  ),
  marks AS (
    SELECT pp."personId",
           count(*) FILTER (WHERE h.audience && pp.nets AND (pp."joinedOn" IS NULL OR h."startsAt" >= pp."joinedOn")) AS attended
    FROM pp JOIN attendance a ON a."personId" = pp."personId" AND a.status IN (''PRESENT'', ''LATE'')
    JOIN marked_sessions h ON h."sessionId" = a."sessionId"
    GROUP BY pp."personId"
  ),
  pct AS (SELECT "completionPercent" AS pct FROM generations WHERE id = g)
  UPDATE participation_people p SET
    expected = coalesce(ge.expected, 0),
    attended = coalesce(m.attended, 0),
    "tookPart" = m."personId" IS NOT NULL,
    completed = m."personId" IS NOT NULL AND coalesce(ge.expected, 0) > 0 AND coalesce(m.attended, 0) * 100 >= coalesce(ge.expected, 0) * pct.pct
  FROM pp CROSS JOIN pct
  LEFT JOIN group_expected ge ON ge.nets = pp.nets AND coalesce(ge."joinedOn", ''-infinity'') = coalesce(pp."joinedOn", ''-infinity'')
  LEFT JOIN marks m ON m."personId" = pp."personId"
  WHERE p."generationId" = g AND p."personId" = pp."personId"\x3b
END
';

CREATE OR REPLACE FUNCTION refresh_participation_link_counts(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  few boolean := cardinality(ids) <= 50\x3b
BEGIN
  WITH l AS MATERIALIZED (
    SELECT l."personId", l."networkId", pp."joinedOn" FROM participation_links l
    JOIN participation_people pp ON pp."generationId" = l."generationId" AND pp."personId" = l."personId"
    WHERE l."generationId" = g AND l."personId" IN (SELECT unnest(ids))
  ),
  sessions AS (
    SELECT s."sessionId", s."startsAt", s.audience FROM participation_sessions s
    WHERE s."generationId" = g AND s.held AND s.marked AND (NOT few OR s.audience && (SELECT ARRAY(SELECT DISTINCT "networkId" FROM l)))
  ),
  held AS MATERIALIZED (
    SELECT s."sessionId", s."startsAt", n."networkId" FROM sessions s CROSS JOIN LATERAL unnest(s.audience) AS n("networkId")
  ),
  keys AS (SELECT DISTINCT "networkId", "joinedOn" FROM l),
  key_expected AS (
    SELECT k."networkId", k."joinedOn", count(*) AS expected FROM keys k
    JOIN held h ON h."networkId" = k."networkId" AND (k."joinedOn" IS NULL OR h."startsAt" >= k."joinedOn")
    GROUP BY k."networkId", k."joinedOn"
  ),
  marks AS (
    SELECT l."personId", l."networkId", count(*) FILTER (WHERE l."joinedOn" IS NULL OR h."startsAt" >= l."joinedOn") AS attended FROM l
    JOIN attendance a ON a."personId" = l."personId" AND a.status IN (''PRESENT'', ''LATE'')
    JOIN held h ON h."sessionId" = a."sessionId" AND h."networkId" = l."networkId"
    GROUP BY l."personId", l."networkId"
  )
  UPDATE participation_links t SET expected = coalesce(ke.expected, 0), attended = coalesce(m.attended, 0)
  FROM l LEFT JOIN key_expected ke ON ke."networkId" = l."networkId" AND coalesce(ke."joinedOn", ''-infinity'') = coalesce(l."joinedOn", ''-infinity'')
  LEFT JOIN marks m ON m."personId" = l."personId" AND m."networkId" = l."networkId"
  WHERE t."generationId" = g AND t."personId" = l."personId" AND t."networkId" = l."networkId"\x3b
END
';

-- Session counters, now also for attended only: a mark at a session that was already counting, by people whose
-- networks and joining day did not move, changes who attended there but not who was expected, and recounting the
-- expected means reading every person of its audience.

DROP FUNCTION refresh_participation_session_counters(text[]);

CREATE FUNCTION refresh_participation_session_counters(ids text[], attended_only boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF attended_only THEN
    UPDATE participation_sessions p SET attended = x.attended
    FROM (
      SELECT t."sessionId", (
          SELECT count(*) FROM attendance a JOIN participation_people pp ON pp."generationId" = t."generationId" AND pp."personId" = a."personId"
          WHERE a."sessionId" = t."sessionId" AND a.status IN (''PRESENT'', ''LATE'') AND pp.nets && t.audience
            AND (pp."joinedOn" IS NULL OR t."startsAt" >= pp."joinedOn")) AS attended
      FROM participation_sessions t WHERE t."sessionId" IN (SELECT unnest(ids)) AND t.held AND t.marked
    ) x
    WHERE p."sessionId" = x."sessionId" AND p.attended IS DISTINCT FROM x.attended\x3b
  ELSIF cardinality(ids) <= 50 THEN
    UPDATE participation_sessions p SET expected = x.expected, attended = x.attended
    FROM (
      SELECT t."sessionId",
        CASE WHEN t.held AND t.marked THEN (
          SELECT count(*) FROM participation_people pp WHERE pp."generationId" = t."generationId" AND pp.nets && t.audience
            AND (pp."joinedOn" IS NULL OR t."startsAt" >= pp."joinedOn")) ELSE 0 END AS expected,
        CASE WHEN t.held AND t.marked THEN (
          SELECT count(*) FROM attendance a JOIN participation_people pp ON pp."generationId" = t."generationId" AND pp."personId" = a."personId"
          WHERE a."sessionId" = t."sessionId" AND a.status IN (''PRESENT'', ''LATE'') AND pp.nets && t.audience
            AND (pp."joinedOn" IS NULL OR t."startsAt" >= pp."joinedOn")) ELSE 0 END AS attended
      FROM participation_sessions t WHERE t."sessionId" IN (SELECT unnest(ids))
    ) x
    WHERE p."sessionId" = x."sessionId" AND (p.expected, p.attended) IS DISTINCT FROM (x.expected, x.attended)\x3b
  ELSE
    WITH target AS MATERIALIZED (SELECT * FROM participation_sessions WHERE "sessionId" IN (SELECT unnest(ids))),
    counted AS MATERIALIZED (SELECT * FROM target WHERE held AND marked),
    groups AS (
      SELECT pp."generationId", pp.nets, pp."joinedOn", count(*) AS people FROM participation_people pp
      WHERE pp."generationId" IN (SELECT DISTINCT "generationId" FROM counted)
      GROUP BY pp."generationId", pp.nets, pp."joinedOn"
    ),
    expected AS (
      SELECT t."sessionId", sum(g.people) AS n FROM counted t
      JOIN groups g ON g."generationId" = t."generationId" AND g.nets && t.audience AND (g."joinedOn" IS NULL OR t."startsAt" >= g."joinedOn")
      GROUP BY t."sessionId"
    ),
    attended AS (
      SELECT t."sessionId", count(*) AS n FROM counted t
      JOIN attendance a ON a."sessionId" = t."sessionId" AND a.status IN (''PRESENT'', ''LATE'')
      JOIN participation_people pp ON pp."generationId" = t."generationId" AND pp."personId" = a."personId"
      WHERE pp.nets && t.audience AND (pp."joinedOn" IS NULL OR t."startsAt" >= pp."joinedOn")
      GROUP BY t."sessionId"
    )
    UPDATE participation_sessions p SET expected = coalesce(e.n, 0), attended = coalesce(a.n, 0)
    FROM target t LEFT JOIN expected e ON e."sessionId" = t."sessionId" LEFT JOIN attended a ON a."sessionId" = t."sessionId"
    WHERE p."sessionId" = t."sessionId" AND (p.expected, p.attended) IS DISTINCT FROM (coalesce(e.n, 0), coalesce(a.n, 0))\x3b
  END IF\x3b
END
';

-- refresh_participation again, with the tallies, and told by a writer of marks whether the given sessions still
-- count as they did (same_sessions): then, unless the networks or joining day of the people moved, only who
-- attended there is recounted.

DROP FUNCTION refresh_participation(text, text[], text[]);

CREATE FUNCTION refresh_participation(g text, ids text[], sessions text[], same_sessions boolean DEFAULT false) RETURNS void SECURITY DEFINER SET search_path = public LANGUAGE plpgsql AS E'
DECLARE
  touched text[]\x3b
  shape_before text\x3b
  shape_after text\x3b
BEGIN
  IF g IS NULL OR cardinality(ids) = 0 AND cardinality(sessions) = 0 THEN RETURN\x3b END IF\x3b
  PERFORM lock_participation(ARRAY[g])\x3b
  PERFORM participation_bulk(greatest(cardinality(ids), cardinality(sessions)))\x3b
  IF NOT EXISTS (SELECT 1 FROM generations WHERE id = g) THEN
    DELETE FROM participation_links WHERE "generationId" = g\x3b
    DELETE FROM participation_people WHERE "generationId" = g\x3b
    DELETE FROM participation_tallies WHERE "generationId" = g\x3b
    DELETE FROM participation_members WHERE "generationId" = g\x3b
    DELETE FROM generation_versions WHERE "generationId" = g\x3b
    RETURN\x3b
  END IF\x3b
  touched := coalesce(sessions, ARRAY(
    SELECT s."sessionId" FROM participation_sessions s
    WHERE s."generationId" = g AND s.held AND s.marked AND s.audience && ARRAY(
      SELECT DISTINCT unnest(nets) FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))
      UNION SELECT DISTINCT e."networkId" FROM enrollments e WHERE e."generationId" = g AND e."personId" IN (SELECT unnest(ids))
    )
  ))\x3b
  IF same_sessions THEN
    shape_before := (SELECT string_agg("personId" || nets::text || coalesce("joinedOn"::text, ''''), '','' ORDER BY "personId")
                     FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids)))\x3b
  END IF\x3b
  PERFORM participation_tally(g, ids, -1)\x3b
  DELETE FROM participation_links WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))\x3b
  DELETE FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))\x3b
  PERFORM refresh_participation_rows(g, ids)\x3b
  -- Thousands of rows just written (an import, a rebuild): without fresh statistics the planner takes them for a
  -- handful and joins them row by row.
  IF cardinality(ids) > 1000 THEN ANALYZE participation_links\x3b END IF\x3b
  PERFORM refresh_participation_people_rows(g, ids)\x3b
  IF cardinality(ids) > 1000 THEN ANALYZE participation_people\x3b END IF\x3b
  IF same_sessions THEN
    shape_after := (SELECT string_agg("personId" || nets::text || coalesce("joinedOn"::text, ''''), '','' ORDER BY "personId")
                    FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids)))\x3b
  END IF\x3b
  PERFORM refresh_participation_people_counts(g, ids)\x3b
  PERFORM refresh_participation_link_counts(g, ids)\x3b
  PERFORM participation_tally(g, ids, 1)\x3b
  PERFORM refresh_participation_session_counters(touched, same_sessions AND shape_before IS NOT DISTINCT FROM shape_after)\x3b
  PERFORM bump_generation_version(g)\x3b
END
';

-- A rebuild starts the tallies of its generation over (before its sessions, which count per network there).

CREATE OR REPLACE FUNCTION rebuild_participation(g text) RETURNS void SECURITY DEFINER SET search_path = public LANGUAGE plpgsql AS E'
BEGIN
  PERFORM lock_participation(ARRAY[g])\x3b
  PERFORM participation_bulk(100000)\x3b
  DELETE FROM participation_tallies WHERE "generationId" = g\x3b
  DELETE FROM participation_members WHERE "generationId" = g\x3b
  DELETE FROM participation_sessions WHERE "generationId" = g\x3b
  PERFORM refresh_participation_session_rows(ARRAY(
    SELECT s.id FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w."generationId" = g
  ))\x3b
  ANALYZE participation_sessions\x3b
  DELETE FROM participation_links WHERE "generationId" = g\x3b
  DELETE FROM participation_people WHERE "generationId" = g\x3b
  PERFORM refresh_participation(g, ARRAY(SELECT DISTINCT "personId" FROM enrollments WHERE "generationId" = g),
    ARRAY(SELECT "sessionId" FROM participation_sessions WHERE "generationId" = g))\x3b
  PERFORM bump_generation_version(g)\x3b
END
';

-- Marks: as before, telling refresh_participation when none of the sessions started or stopped counting.

CREATE OR REPLACE FUNCTION participation_marks_changed(changed_sessions text[], changed_people text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  was_marked text[]\x3b
  r record\x3b
BEGIN
  IF participation_deferred() THEN RETURN\x3b END IF\x3b
  PERFORM participation_bulk(greatest(cardinality(changed_sessions), cardinality(changed_people)))\x3b
  PERFORM lock_participation(generations_of_sessions(changed_sessions))\x3b
  was_marked := ARRAY(SELECT "sessionId" FROM participation_sessions WHERE "sessionId" IN (SELECT unnest(changed_sessions)) AND marked)\x3b
  PERFORM refresh_participation_session_rows(changed_sessions)\x3b
  FOR r IN
    SELECT s."generationId" AS g, array_agg(s."sessionId") AS sessions,
           array_agg(s."sessionId") FILTER (WHERE s.held AND s.marked <> (s."sessionId" IN (SELECT unnest(was_marked)))) AS flipped
    FROM participation_sessions s WHERE s."sessionId" IN (SELECT unnest(changed_sessions)) GROUP BY s."generationId"
  LOOP
    PERFORM refresh_participation(r.g, changed_people || ARRAY(
      SELECT pp."personId" FROM participation_people pp
      WHERE pp."generationId" = r.g AND pp.nets && ARRAY(
        SELECT DISTINCT unnest(s.audience) FROM participation_sessions s WHERE s."sessionId" IN (SELECT unnest(coalesce(r.flipped, ''{}'')))
      )
    ), r.sessions, r.flipped IS NULL)\x3b
  END LOOP\x3b
END
';

-- Guests (not participants) of a generation, found without reading its participants' enrollments.
CREATE INDEX "enrollments_guests_idx" ON "enrollments" ("generationId") WHERE role <> 'PARTICIPANT';

-- The tallies of the generations already recorded.
SELECT rebuild_participation(id) FROM generations ORDER BY id;
