-- CreateTable
CREATE TABLE "participation_sessions" (
    "sessionId" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "modality" TEXT NOT NULL,
    "held" BOOLEAN NOT NULL,
    "marked" BOOLEAN NOT NULL,
    "audience" TEXT[],
    "expected" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,

    CONSTRAINT "participation_sessions_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "participation_people" (
    "generationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "nets" TEXT[],
    "joinedOn" DATE,
    "gender" TEXT,
    "ageRange" TEXT,
    "expected" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,
    "tookPart" BOOLEAN NOT NULL,
    "completed" BOOLEAN NOT NULL,

    CONSTRAINT "participation_people_pkey" PRIMARY KEY ("generationId","personId")
);

-- CreateTable
CREATE TABLE "participation_links" (
    "generationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "organizationType" TEXT NOT NULL,
    "joinedOn" DATE,
    "expected" INTEGER NOT NULL,
    "attended" INTEGER NOT NULL,

    CONSTRAINT "participation_links_pkey" PRIMARY KEY ("generationId","personId","networkId")
);

-- CreateTable
CREATE TABLE "generation_versions" (
    "generationId" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "generation_versions_pkey" PRIMARY KEY ("generationId")
);

-- CreateIndex
CREATE INDEX "participation_sessions_generationId_idx" ON "participation_sessions"("generationId");

-- CreateIndex
CREATE INDEX "participation_sessions_audience_idx" ON "participation_sessions" USING GIN ("audience");

-- CreateIndex
CREATE INDEX "participation_people_personId_idx" ON "participation_people"("personId");

-- CreateIndex
CREATE INDEX "participation_people_nets_idx" ON "participation_people" USING GIN ("nets");

-- CreateIndex
CREATE INDEX "participation_links_organizationId_idx" ON "participation_links"("organizationId");

-- CreateIndex
CREATE INDEX "participation_links_generationId_networkId_idx" ON "participation_links"("generationId", "networkId");


-- Hand-written below. Kept by these triggers, read by lib/totals/read-participation-facts.ts, checked by
-- lib/totals/verify-participation-facts.ts (npm run verify:totals). Multi-statement bodies are E'' strings with
-- \x3b for their semicolons: the offline schema engine splits migrations on every semicolon.
--
-- The rule is the totals statement's (lib/totals/compute-generation-facts.ts), kept per row instead of recomputed:
-- a held session counts once it has any mark ("marked"), and expects every participant whose networks meet its
-- audience and who had joined by then. A person took part with a present or late mark at a held, marked session,
-- completed when took part and attended * 100 >= expected * completionPercent (and expected > 0).
-- Writers of one generation take turns (lock_participation), so concurrent refreshes never collide.
-- Lists of ids are matched with IN (SELECT unnest(…)), a semi-join the planner can hash (participation_bulk).
-- refresh_participation and rebuild_participation run as the tables' owner
-- (SECURITY DEFINER): they refresh the planner's statistics after a bulk write, which the app's own role may not do.

CREATE FUNCTION bump_generation_version(g text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO generation_versions ("generationId", version) VALUES (g, nextval('totals_data_version'))
  ON CONFLICT ("generationId") DO UPDATE SET version = excluded.version
$$;

-- One writer at a time per generation: the refreshes below delete and insert a person's rows, and two transactions
-- doing it at once would collide on them. Taken first on every path, generations in id order, until commit.

CREATE FUNCTION lock_participation(gs text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(''participation '' || g, 0))
  FROM (SELECT DISTINCT g FROM unnest(gs) AS g WHERE g IS NOT NULL) AS x ORDER BY g\x3b
END
';

-- Lists of ids run from one (a mark) to 100,000 (a rebuild). Cached plans suit the small ones. For a bulk list the
-- rest of the transaction is planned with the real lengths (SET LOCAL plan_cache_mode), or a plan made for ten rows
-- would join a hundred thousand one by one.

CREATE FUNCTION participation_bulk(n integer) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF n > 1000 THEN PERFORM set_config(''plan_cache_mode'', ''force_custom_plan'', true)\x3b END IF\x3b
END
';


-- A bulk writer (a participants import) may defer the triggers for its transaction
-- (set_config('tejido.defer_participation', 'on', true)) and refresh the generation's people it wrote once at the end.

CREATE FUNCTION participation_deferred() RETURNS boolean STABLE LANGUAGE sql AS $$
  SELECT coalesce(current_setting('tejido.defer_participation', true), '') = 'on'
$$;

-- Sessions: when and how, held, marked, and audience (every network of the generation, or the chosen ones).

CREATE FUNCTION refresh_participation_session_rows(ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
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
END
';

-- Per session: participants expected there, and present or late among them (0 until held and marked).

-- Expected there: one index lookup per session for a few sessions (a mark), or, for many (a rebuild, a network
-- deactivated), people grouped by their networks and joining day, matched against every session at once.

CREATE FUNCTION refresh_participation_session_counters(ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(ids) <= 50 THEN
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

-- The given people of a generation (their rows removed first): their enrollments as links, then their own row.

CREATE FUNCTION refresh_participation_rows(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO participation_links ("generationId", "personId", "networkId", "organizationId", state, "organizationType", "joinedOn", expected, attended)
  SELECT e."generationId", e."personId", e."networkId", e."organizationId", o.state::text, o.type::text, e."joinedOn", 0, 0
  FROM enrollments e
  JOIN people p ON p.id = e."personId" AND p."deactivatedAt" IS NULL
  JOIN organizations o ON o.id = e."organizationId" AND o."deactivatedAt" IS NULL
  JOIN networks n ON n.id = e."networkId" AND n."deactivatedAt" IS NULL
  WHERE e."generationId" = g AND e."personId" IN (SELECT unnest(ids)) AND e.status <> ''WITHDRAWN'' AND e.role = ''PARTICIPANT''\x3b
END
';

CREATE FUNCTION refresh_participation_people_rows(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO participation_people ("generationId", "personId", nets, "joinedOn", gender, "ageRange", expected, attended, "tookPart", completed)
  SELECT l."generationId", l."personId", array_agg(l."networkId" ORDER BY l."networkId"),
         CASE WHEN bool_or(l."joinedOn" IS NULL) THEN NULL ELSE min(l."joinedOn") END,
         p.gender::text, p."ageRange"::text, 0, 0, false, false
  FROM participation_links l JOIN people p ON p.id = l."personId"
  WHERE l."generationId" = g AND l."personId" IN (SELECT unnest(ids))
  GROUP BY l."generationId", l."personId", p.gender, p."ageRange"\x3b
END
';

-- Expected, attended, took part and completed of the given people. People with the same networks and joining day
-- expect the same sessions: counted once per such group, so a whole generation costs one pass over its marks.

CREATE FUNCTION refresh_participation_people_counts(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  WITH pp AS MATERIALIZED (SELECT "personId", nets, "joinedOn" FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))),
  wanted AS (SELECT ARRAY(SELECT DISTINCT unnest(nets) FROM pp) AS nets),
  held AS MATERIALIZED (
    SELECT s."sessionId", s."startsAt", s.audience FROM participation_sessions s
    WHERE s."generationId" = g AND s.held AND s.marked
  ),
  -- Only sessions that can expect these people, for counting what is expected (a mark anywhere still counts as taking part).
  expecting AS (SELECT h.* FROM held h, wanted WHERE h.audience && wanted.nets),
  groups AS (SELECT DISTINCT nets, "joinedOn" FROM pp),
  group_expected AS (
    SELECT gr.nets, gr."joinedOn", count(*) AS expected FROM groups gr
    JOIN expecting h ON h.audience && gr.nets AND (gr."joinedOn" IS NULL OR h."startsAt" >= gr."joinedOn")
    GROUP BY gr.nets, gr."joinedOn"
  ),
  marks AS (
    SELECT pp."personId",
           count(*) FILTER (WHERE h.audience && pp.nets AND (pp."joinedOn" IS NULL OR h."startsAt" >= pp."joinedOn")) AS attended
    FROM pp JOIN attendance a ON a."personId" = pp."personId" AND a.status IN (''PRESENT'', ''LATE'')
    JOIN held h ON h."sessionId" = a."sessionId"
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

-- Per link: the held, marked sessions with that network in the audience, from the day the person joined.

CREATE FUNCTION refresh_participation_link_counts(g text, ids text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  WITH l AS MATERIALIZED (
    SELECT l."personId", l."networkId", pp."joinedOn" FROM participation_links l
    JOIN participation_people pp ON pp."generationId" = l."generationId" AND pp."personId" = l."personId"
    WHERE l."generationId" = g AND l."personId" IN (SELECT unnest(ids))
  ),
  held AS MATERIALIZED (
    SELECT s."sessionId", s."startsAt", n."networkId" FROM participation_sessions s CROSS JOIN LATERAL unnest(s.audience) AS n("networkId")
    WHERE s."generationId" = g AND s.held AND s.marked
  ),
  keys AS (SELECT DISTINCT "networkId", "joinedOn" FROM l),
  key_expected AS (
    SELECT k."networkId", k."joinedOn", count(*) AS expected FROM keys k
    JOIN held h ON h."networkId" = k."networkId" AND (k."joinedOn" IS NULL OR h."startsAt" >= k."joinedOn")
    GROUP BY k."networkId", k."joinedOn"
  ),
  marks AS (
    SELECT l."personId", l."networkId", count(*) AS attended FROM l
    JOIN attendance a ON a."personId" = l."personId" AND a.status IN (''PRESENT'', ''LATE'')
    JOIN held h ON h."sessionId" = a."sessionId" AND h."networkId" = l."networkId" AND (l."joinedOn" IS NULL OR h."startsAt" >= l."joinedOn")
    GROUP BY l."personId", l."networkId"
  )
  UPDATE participation_links t SET expected = coalesce(ke.expected, 0), attended = coalesce(m.attended, 0)
  FROM l LEFT JOIN key_expected ke ON ke."networkId" = l."networkId" AND coalesce(ke."joinedOn", ''-infinity'') = coalesce(l."joinedOn", ''-infinity'')
  LEFT JOIN marks m ON m."personId" = l."personId" AND m."networkId" = l."networkId"
  WHERE t."generationId" = g AND t."personId" = l."personId" AND t."networkId" = l."networkId"\x3b
END
';

-- Brings the given people of a generation up to date, then the counters of the sessions their change can move:
-- `sessions` when the caller knows them (a mark moves its own session only), otherwise every held, marked session
-- whose audience meets their networks before or after. Session rows are locked first, in id order.

CREATE FUNCTION refresh_participation(g text, ids text[], sessions text[]) RETURNS void SECURITY DEFINER SET search_path = public LANGUAGE plpgsql AS E'
DECLARE
  touched text[]\x3b
BEGIN
  IF g IS NULL OR cardinality(ids) = 0 AND cardinality(sessions) = 0 THEN RETURN\x3b END IF\x3b
  PERFORM lock_participation(ARRAY[g])\x3b
  PERFORM participation_bulk(greatest(cardinality(ids), cardinality(sessions)))\x3b
  IF NOT EXISTS (SELECT 1 FROM generations WHERE id = g) THEN
    DELETE FROM participation_links WHERE "generationId" = g\x3b
    DELETE FROM participation_people WHERE "generationId" = g\x3b
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
  DELETE FROM participation_links WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))\x3b
  DELETE FROM participation_people WHERE "generationId" = g AND "personId" IN (SELECT unnest(ids))\x3b
  PERFORM refresh_participation_rows(g, ids)\x3b
  -- Thousands of rows just written (an import, a rebuild): without fresh statistics the planner takes them for a
  -- handful and joins them row by row.
  IF cardinality(ids) > 1000 THEN ANALYZE participation_links\x3b END IF\x3b
  PERFORM refresh_participation_people_rows(g, ids)\x3b
  IF cardinality(ids) > 1000 THEN ANALYZE participation_people\x3b END IF\x3b
  PERFORM refresh_participation_people_counts(g, ids)\x3b
  PERFORM refresh_participation_link_counts(g, ids)\x3b
  PERFORM refresh_participation_session_counters(touched)\x3b
  PERFORM bump_generation_version(g)\x3b
END
';

-- Everything of one generation again from the records: a rebuild (after its networks or completion rule change).

CREATE FUNCTION rebuild_participation(g text) RETURNS void SECURITY DEFINER SET search_path = public LANGUAGE plpgsql AS E'
BEGIN
  PERFORM lock_participation(ARRAY[g])\x3b
  PERFORM participation_bulk(100000)\x3b
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

CREATE FUNCTION generations_of_sessions(ids text[]) RETURNS text[] STABLE LANGUAGE plpgsql AS E'
BEGIN
RETURN (  SELECT ARRAY(
    SELECT w."generationId" FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE s.id IN (SELECT unnest(ids))
    UNION SELECT "generationId" FROM participation_sessions WHERE "sessionId" IN (SELECT unnest(ids))
  ))\x3b
END
';

-- Marks: their sessions' rows first (a first mark makes a held session count, the last one removed takes it out),
-- then the people marked, and everyone in the audience of a session that started or stopped counting.

CREATE FUNCTION participation_marks_changed(changed_sessions text[], changed_people text[]) RETURNS void LANGUAGE plpgsql AS E'
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
    ), r.sessions)\x3b
  END LOOP\x3b
END
';

CREATE FUNCTION attendance_participation_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_marks_changed(ARRAY(SELECT DISTINCT "sessionId" FROM added), ARRAY(SELECT DISTINCT "personId" FROM added))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION attendance_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_marks_changed(ARRAY(SELECT "sessionId" FROM added UNION SELECT "sessionId" FROM removed), ARRAY(SELECT "personId" FROM added UNION SELECT "personId" FROM removed))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION attendance_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_marks_changed(ARRAY(SELECT DISTINCT "sessionId" FROM removed), ARRAY(SELECT DISTINCT "personId" FROM removed))\x3b
  RETURN NULL\x3b
END
';

-- Enrollments (and people, organizations and networks, through them): the people of each generation touched.

CREATE FUNCTION participation_people_changed(pairs jsonb) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  r record\x3b
BEGIN
  IF participation_deferred() THEN RETURN\x3b END IF\x3b
  PERFORM lock_participation(ARRAY(SELECT x.g FROM jsonb_to_recordset(pairs) AS x(g text, p text)))\x3b
  FOR r IN
    SELECT x.g, array_agg(DISTINCT x.p) AS ids FROM jsonb_to_recordset(pairs) AS x(g text, p text)
    WHERE x.g IS NOT NULL GROUP BY x.g ORDER BY x.g
  LOOP
    PERFORM refresh_participation(r.g, r.ids, NULL)\x3b
  END LOOP\x3b
END
';

CREATE FUNCTION enrollments_participation_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (SELECT "generationId", "personId" FROM added) AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION enrollments_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (SELECT "generationId", "personId" FROM added UNION SELECT "generationId", "personId" FROM removed) AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION enrollments_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (SELECT "generationId", "personId" FROM removed) AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

-- People: active or not, gender and age range. A merged person removed takes their rows along.

CREATE FUNCTION people_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (
    SELECT e."generationId", e."personId" FROM enrollments e JOIN added n ON n.id = e."personId" JOIN removed o ON o.id = n.id
    WHERE (n."deactivatedAt" IS NULL, n.gender, n."ageRange") IS DISTINCT FROM (o."deactivatedAt" IS NULL, o.gender, o."ageRange")) AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION people_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (SELECT pp."generationId", pp."personId" FROM participation_people pp JOIN removed o ON o.id = pp."personId") AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION organizations_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (
    SELECT e."generationId", e."personId" FROM enrollments e JOIN added n ON n.id = e."organizationId" JOIN removed o ON o.id = n.id
    WHERE (n."deactivatedAt" IS NULL, n.state, n.type) IS DISTINCT FROM (o."deactivatedAt" IS NULL, o.state, o.type)) AS x(g, p)))\x3b
  RETURN NULL\x3b
END
';

-- Networks: active or not moves its people, and a new name moves the versions of its generations (the totals name it).

CREATE FUNCTION networks_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_people_changed((SELECT coalesce(jsonb_agg(jsonb_build_object(''g'', g, ''p'', p)), ''[]'') FROM (
    SELECT e."generationId", e."personId" FROM enrollments e JOIN added n ON n.id = e."networkId" JOIN removed o ON o.id = n.id
    WHERE (n."deactivatedAt" IS NULL) IS DISTINCT FROM (o."deactivatedAt" IS NULL)) AS x(g, p)))\x3b
  PERFORM bump_generation_version(gn."generationId") FROM generation_networks gn
    JOIN added n ON n.id = gn."networkId" JOIN removed o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name\x3b
  RETURN NULL\x3b
END
';

-- Sessions (and their audience): rows again. When what counts changed (generation, held, marked, audience, start),
-- everyone in the audience before or after, and everyone marked there, is brought up to date for these sessions.

CREATE FUNCTION participation_sessions_changed(ids text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  before jsonb\x3b
  r record\x3b
BEGIN
  IF participation_deferred() OR cardinality(ids) = 0 THEN RETURN\x3b END IF\x3b
  PERFORM participation_bulk(cardinality(ids))\x3b
  PERFORM lock_participation(generations_of_sessions(ids))\x3b
  before := (SELECT coalesce(jsonb_agg(to_jsonb(s)), ''[]'') FROM participation_sessions s WHERE s."sessionId" IN (SELECT unnest(ids)))\x3b
  PERFORM refresh_participation_session_rows(ids)\x3b
  FOR r IN
    WITH old AS (
      SELECT * FROM jsonb_to_recordset(before)
        AS o("sessionId" text, "generationId" text, "startsAt" timestamp, held boolean, marked boolean, audience text[])
    ),
    now AS (SELECT "sessionId", "generationId", "startsAt", held, marked, audience FROM participation_sessions WHERE "sessionId" IN (SELECT unnest(ids))),
    moved AS (
      SELECT o."generationId" AS g, o."sessionId", o.audience FROM old o LEFT JOIN now n USING ("sessionId")
      WHERE n."sessionId" IS NULL OR (o."generationId", o."startsAt", o.held, o.marked, o.audience) IS DISTINCT FROM (n."generationId", n."startsAt", n.held, n.marked, n.audience)
      UNION ALL
      SELECT n."generationId", n."sessionId", n.audience FROM now n LEFT JOIN old o USING ("sessionId")
      WHERE o."sessionId" IS NULL OR (o."generationId", o."startsAt", o.held, o.marked, o.audience) IS DISTINCT FROM (n."generationId", n."startsAt", n.held, n.marked, n.audience)
    )
    SELECT m.g, array_agg(DISTINCT m."sessionId") AS sessions,
           coalesce(array_agg(DISTINCT m.network) FILTER (WHERE m.network IS NOT NULL), ''{}'') AS nets
    FROM (SELECT g, "sessionId", unnest(audience) AS network FROM moved
          UNION ALL SELECT g, "sessionId", NULL FROM moved) m
    WHERE m.g IS NOT NULL
    GROUP BY m.g ORDER BY m.g
  LOOP
    PERFORM refresh_participation(r.g, ARRAY(
      SELECT pp."personId" FROM participation_people pp WHERE pp."generationId" = r.g AND pp.nets && r.nets
      UNION SELECT a."personId" FROM attendance a WHERE a."sessionId" IN (SELECT unnest(r.sessions))
    ), ARRAY(SELECT s FROM unnest(r.sessions) AS s WHERE EXISTS (SELECT 1 FROM participation_sessions p WHERE p."sessionId" = s)))\x3b
    PERFORM bump_generation_version(r.g)\x3b
  END LOOP\x3b
  -- Modality or anything else shown per session: the version moves even when no count did.
  PERFORM bump_generation_version(g) FROM (SELECT DISTINCT "generationId" AS g FROM participation_sessions WHERE "sessionId" IN (SELECT unnest(ids))) x\x3b
END
';

CREATE FUNCTION sessions_participation_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT id FROM added))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION sessions_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT id FROM added UNION SELECT id FROM removed))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION sessions_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT id FROM removed))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION session_networks_participation_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT "sessionId" FROM added))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION session_networks_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT "sessionId" FROM added UNION SELECT "sessionId" FROM removed))\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION session_networks_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(SELECT "sessionId" FROM removed))\x3b
  RETURN NULL\x3b
END
';

-- Workshops: moving one to another generation moves its sessions, and a new title moves the version (sessions show it).

CREATE FUNCTION workshops_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM participation_sessions_changed(ARRAY(
    SELECT s.id FROM sessions s JOIN added n ON n.id = s."workshopId" JOIN removed o ON o.id = n.id WHERE n."generationId" IS DISTINCT FROM o."generationId"
  ))\x3b
  PERFORM bump_generation_version(g) FROM (SELECT "generationId" AS g FROM added UNION SELECT "generationId" FROM removed) x\x3b
  RETURN NULL\x3b
END
';

-- A generation's networks (the audience of sessions for all networks) or completion rule: that generation again.

CREATE FUNCTION generation_networks_participation_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF participation_deferred() THEN RETURN NULL\x3b END IF\x3b
  PERFORM rebuild_participation(g) FROM (SELECT DISTINCT g FROM (SELECT "generationId" FROM added) AS x(g)) AS y ORDER BY g\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION generation_networks_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF participation_deferred() THEN RETURN NULL\x3b END IF\x3b
  PERFORM rebuild_participation(g) FROM (SELECT DISTINCT g FROM (SELECT "generationId" FROM added UNION SELECT "generationId" FROM removed) AS x(g)) AS y ORDER BY g\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION generation_networks_participation_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF participation_deferred() THEN RETURN NULL\x3b END IF\x3b
  PERFORM rebuild_participation(g) FROM (SELECT DISTINCT g FROM (SELECT "generationId" FROM removed) AS x(g)) AS y ORDER BY g\x3b
  RETURN NULL\x3b
END
';

CREATE FUNCTION generations_participation_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM rebuild_participation(n.id) FROM added n JOIN removed o ON o.id = n.id
  WHERE n."completionPercent" IS DISTINCT FROM o."completionPercent" ORDER BY n.id\x3b
  RETURN NULL\x3b
END
';

-- Transition tables need one trigger per event.

CREATE TRIGGER "attendance_participation_inserted" AFTER INSERT ON "attendance"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attendance_participation_inserted();

CREATE TRIGGER "attendance_participation_updated" AFTER UPDATE ON "attendance"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attendance_participation_updated();

CREATE TRIGGER "attendance_participation_deleted" AFTER DELETE ON "attendance"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION attendance_participation_deleted();

CREATE TRIGGER "enrollments_participation_inserted" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrollments_participation_inserted();

CREATE TRIGGER "enrollments_participation_updated" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrollments_participation_updated();

CREATE TRIGGER "enrollments_participation_deleted" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION enrollments_participation_deleted();

CREATE TRIGGER "sessions_participation_inserted" AFTER INSERT ON "sessions"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sessions_participation_inserted();

CREATE TRIGGER "sessions_participation_updated" AFTER UPDATE ON "sessions"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sessions_participation_updated();

CREATE TRIGGER "sessions_participation_deleted" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION sessions_participation_deleted();

CREATE TRIGGER "session_networks_participation_inserted" AFTER INSERT ON "session_networks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION session_networks_participation_inserted();

CREATE TRIGGER "session_networks_participation_updated" AFTER UPDATE ON "session_networks"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION session_networks_participation_updated();

CREATE TRIGGER "session_networks_participation_deleted" AFTER DELETE ON "session_networks"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION session_networks_participation_deleted();

CREATE TRIGGER "generation_networks_participation_inserted" AFTER INSERT ON "generation_networks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION generation_networks_participation_inserted();

CREATE TRIGGER "generation_networks_participation_updated" AFTER UPDATE ON "generation_networks"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION generation_networks_participation_updated();

CREATE TRIGGER "generation_networks_participation_deleted" AFTER DELETE ON "generation_networks"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION generation_networks_participation_deleted();

CREATE TRIGGER "people_participation_updated" AFTER UPDATE ON "people"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION people_participation_updated();

CREATE TRIGGER "organizations_participation_updated" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION organizations_participation_updated();

CREATE TRIGGER "networks_participation_updated" AFTER UPDATE ON "networks"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION networks_participation_updated();

CREATE TRIGGER "workshops_participation_updated" AFTER UPDATE ON "workshops"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION workshops_participation_updated();

CREATE TRIGGER "generations_participation_updated" AFTER UPDATE ON "generations"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION generations_participation_updated();

CREATE TRIGGER "people_participation_deleted" AFTER DELETE ON "people"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION people_participation_deleted();


-- The facts of the generations already recorded.
SELECT rebuild_participation(id) FROM generations ORDER BY id;
