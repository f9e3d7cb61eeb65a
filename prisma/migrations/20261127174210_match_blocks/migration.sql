-- CreateTable
CREATE TABLE "person_match_blocks" (
    "personId" TEXT NOT NULL,
    "block" TEXT NOT NULL,

    CONSTRAINT "person_match_blocks_pkey" PRIMARY KEY ("personId","block")
);

-- CreateTable
CREATE TABLE "person_match_profiles" (
    "personId" TEXT NOT NULL,
    "orgs" TEXT[],
    "networks" TEXT[],

    CONSTRAINT "person_match_profiles_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "person_match_pairs" (
    "block" TEXT NOT NULL,
    "a" TEXT NOT NULL,
    "b" TEXT NOT NULL,

    CONSTRAINT "person_match_pairs_pkey" PRIMARY KEY ("block","a","b")
);

-- CreateTable
CREATE TABLE "match_block_sizes" (
    "block" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "match_block_sizes_pkey" PRIMARY KEY ("block")
);

-- CreateIndex
CREATE INDEX "person_match_blocks_block_idx" ON "person_match_blocks"("block");


-- Hand-written below. Read by lib/matching/person-evidence.ts, checked by lib/matching/verify-match-blocks.ts.
-- Multi-statement bodies are E'' strings with \x3b for their semicolons: the offline schema engine splits
-- migrations on every semicolon.

-- name_variant as a jsonb object (npm run matching:variants-sql): the same table and results as migration one_matcher's
-- VALUES list, found by binary search instead of row by row, so person_name_words (every stored name, every import
-- row) is about six times faster. No stored key changes.
CREATE OR REPLACE FUNCTION name_variant(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce('{"ant":"antonio","benja":"benjamin","beny":"benjamin","caro":"carolina","chabela":"isabel","chava":"salvador","chavo":"salvador","chayo":"rosario","checo":"sergio","chela":"graciela","chelo":"consuelo","chema":"jose","chente":"vicente","chepina":"josefina","chio":"rocio","chucho":"jesus","chuy":"jesus","clau":"claudia","concha":"concepcion","conche":"concepcion","conchis":"concepcion","conchita":"concepcion","cuca":"refugio","cuquita":"refugio","fca":"francisca","fco":"francisco","fdez":"fernandez","fdo":"fernando","fdz":"fernandez","fina":"josefina","gabi":"gabriela","gabo":"gabriel","gaby":"gabriela","glez":"gonzalez","glz":"gonzalez","goyo":"gregorio","gpe":"guadalupe","gtz":"gutierrez","guad":"guadalupe","gzz":"gonzalez","hdez":"hernandez","hndz":"hernandez","isa":"isabel","javi":"javier","jse":"jose","kike":"enrique","lalo":"eduardo","lencho":"lorenzo","leti":"leticia","lety":"leticia","licha":"alicia","lola":"dolores","lolita":"dolores","lupe":"guadalupe","lupita":"guadalupe","ma":"maria","magos":"margarita","mague":"margarita","manolo":"manuel","mau":"mauricio","memo":"guillermo","mig":"miguel","moni":"monica","mrtz":"martinez","mtz":"martinez","nacho":"ignacio","nando":"fernando","nati":"natalia","nico":"nicolas","paco":"francisco","panchito":"francisco","pancho":"francisco","paquito":"francisco","pati":"patricia","patty":"patricia","paty":"patricia","pepa":"josefa","pepe":"jose","pepita":"josefa","pili":"pilar","pina":"josefina","poncho":"alfonso","quique":"enrique","rafa":"rafael","rdguez":"rodriguez","rdz":"rodriguez","rebe":"rebeca","rguez":"rodriguez","richi":"ricardo","rigo":"rigoberto","santi":"santiago","sanz":"sanchez","sofi":"sofia","susi":"susana","susy":"susana","tere":"teresa","teresita":"teresa","toni":"antonio","tonio":"antonio","tono":"antonio","vero":"veronica"}'::jsonb ->> word, word) $$;

-- Most blocks hold one person: the duplicates page reads only the others.
CREATE INDEX "match_block_sizes_shared_idx" ON "match_block_sizes" ("block") WHERE "size" >= 2;

-- The matcher's blocks of one person, from their keys and where they take part. The one rule for blocks:
-- stored people get theirs through refresh_person_match_blocks, import rows and registration forms
-- (probes) through this same function in person-evidence.ts.
--   e / p: the same email or phone key, s: the same name as it sounds (whole name),
--   n: two name words (as they sound) within a network, o: within an organization, for someone in no network yet.
CREATE FUNCTION person_match_blocks_of(email_key text, phone_key text, sound_key text, sound_pairs text[], networks text[], orgs text[])
RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'e ' || email_key WHERE email_key IS NOT NULL
  UNION SELECT 'p ' || phone_key WHERE phone_key IS NOT NULL
  UNION SELECT 's ' || sound_key WHERE sound_key <> ''
  UNION SELECT 'n ' || n || ' ' || pair FROM unnest(networks) AS n, unnest(sound_pairs) AS pair
  UNION SELECT 'o ' || o || ' ' || pair FROM unnest(orgs) AS o, unnest(sound_pairs) AS pair WHERE cardinality(networks) = 0
$$;

-- How many people a block may hold and still pair them: contacts and whole names up to 30, a pair of name words
-- within a network or organization (a "weak" block) up to 12 (a common given name in a large network would
-- otherwise pair everyone with everyone). Larger blocks are not paired inside: smaller ones still meet their pairs.
CREATE FUNCTION match_block_is_weak(block text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT left(block, 1) IN ('n', 'o')
$$;
CREATE FUNCTION match_block_cap(block text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN match_block_is_weak(block) THEN 12 ELSE 30 END
$$;

-- Two people who meet only in a weak block must share most of the shorter name's sounds (60 %): "María Elena Soto"
-- and "María Elena Ruiz" of one network are not compared, "Ana López" and "Ana López Pérez" are.
CREATE FUNCTION person_names_close(a_sounds text[], b_sounds text[], a_words integer, b_words integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (SELECT count(DISTINCT w) FROM unnest(a_sounds) AS w WHERE w = ANY (b_sounds)) * 10 >= 6 * least(a_words, b_words)
$$;

-- People's organizations (affiliations and enrollments) and networks (enrollments, and the networks of their
-- organizations), as the matcher sees them: for blocks and for the "same organization / network" evidence.
-- Set-based (one pass for thousands of people), not one lookup per person. Lists are joined, never "= ANY (ids)":
-- the whole registry may be in one (the backfill below, a national import).
CREATE FUNCTION person_match_links(ids text[]) RETURNS TABLE ("personId" text, orgs text[], networks text[])
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH wanted AS (SELECT DISTINCT unnest(ids) AS id),
  person_orgs AS (
    SELECT x."personId", array_agg(DISTINCT x."organizationId" ORDER BY x."organizationId") AS orgs FROM (
      SELECT a."personId", a."organizationId" FROM affiliations a JOIN wanted w ON w.id = a."personId"
      UNION ALL SELECT e."personId", e."organizationId" FROM enrollments e JOIN wanted w ON w.id = e."personId"
    ) AS x GROUP BY x."personId"
  ),
  person_networks AS (
    SELECT x."personId", array_agg(DISTINCT x."networkId" ORDER BY x."networkId") AS networks FROM (
      SELECT e."personId", e."networkId" FROM enrollments e JOIN wanted w ON w.id = e."personId"
      UNION ALL SELECT a."personId", m."networkId" FROM affiliations a JOIN wanted w ON w.id = a."personId"
        JOIN network_memberships m ON m."organizationId" = a."organizationId"
    ) AS x GROUP BY x."personId"
  )
  SELECT w.id, coalesce(o.orgs, '{}'), coalesce(n.networks, '{}')
  FROM wanted w LEFT JOIN person_orgs o ON o."personId" = w.id LEFT JOIN person_networks n ON n."personId" = w.id
$$;

-- The blocks the given people are in now.
CREATE FUNCTION person_match_blocks_in(ids text[]) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(SELECT DISTINCT m.block FROM person_match_blocks m JOIN (SELECT DISTINCT unnest(ids) AS id) AS r ON r.id = m."personId")
$$;

-- Profiles: active people get theirs (only written when it changed), inactive and deleted ones lose it.
CREATE FUNCTION update_person_match_profiles(ids text[]) RETURNS void LANGUAGE sql AS $$
  WITH gone AS (
    DELETE FROM person_match_profiles f USING (SELECT DISTINCT unnest(ids) AS id) AS r
    WHERE f."personId" = r.id AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = r.id AND p."deactivatedAt" IS NULL)
  )
  INSERT INTO person_match_profiles ("personId", orgs, networks)
  SELECT l."personId", l.orgs, l.networks
  FROM person_match_links(ids) AS l JOIN people p ON p.id = l."personId"
  WHERE p."deactivatedAt" IS NULL
  ON CONFLICT ("personId") DO UPDATE SET orgs = excluded.orgs, networks = excluded.networks
  WHERE (person_match_profiles.orgs, person_match_profiles.networks) IS DISTINCT FROM (excluded.orgs, excluded.networks)
$$;

-- Blocks from the people's keys and profiles: the ones they left go, the new ones come (in one order, see below).
CREATE FUNCTION update_person_match_blocks(ids text[]) RETURNS void LANGUAGE sql AS $$
  WITH r AS (SELECT DISTINCT unnest(ids) AS id),
  wanted AS (
    SELECT DISTINCT p.id AS "personId", b.block
    FROM r JOIN people p ON p.id = r.id
    JOIN person_match_profiles f ON f."personId" = p.id
    CROSS JOIN LATERAL person_match_blocks_of(p."emailKey", p."phoneKey", p."soundKey", p."soundPairs", f.networks, f.orgs) AS b(block)
  ),
  gone AS (
    DELETE FROM person_match_blocks m USING r
    WHERE m."personId" = r.id AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w."personId" = m."personId" AND w.block = m.block)
  )
  INSERT INTO person_match_blocks ("personId", block)
  SELECT "personId", block FROM wanted ORDER BY block, "personId"
  ON CONFLICT DO NOTHING
$$;

-- The pairs of the given blocks, drawn again from their members: every pair of a block no larger than its cap,
-- and for a weak block only people whose names are close. Only rows that change are written.
CREATE FUNCTION refresh_person_match_pairs(blocks text[]) RETURNS void LANGUAGE sql AS $$
  WITH t AS (SELECT DISTINCT unnest(blocks) AS block),
  wanted AS (
    SELECT s.block, x."personId" AS a, y."personId" AS b
    FROM t JOIN match_block_sizes s ON s.block = t.block
    JOIN person_match_blocks x ON x.block = s.block
    JOIN person_match_blocks y ON y.block = s.block AND x."personId" < y."personId"
    JOIN people px ON px.id = x."personId"
    JOIN people py ON py.id = y."personId"
    WHERE s.size BETWEEN 2 AND match_block_cap(s.block)
      AND (NOT match_block_is_weak(s.block)
           OR person_names_close(px."soundWords", py."soundWords", cardinality(px."nameWords"), cardinality(py."nameWords")))
  ),
  gone AS (
    DELETE FROM person_match_pairs p USING t
    WHERE p.block = t.block AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.block = p.block AND w.a = p.a AND w.b = p.b)
  )
  INSERT INTO person_match_pairs (block, a, b) SELECT block, a, b FROM wanted ORDER BY block, a, b ON CONFLICT DO NOTHING
$$;

-- Brings the given people's profiles, blocks and the pairs of every block they were or are in up to date.
-- Statements run in order: each sees the previous one's rows (and the block sizes its trigger counted).
CREATE FUNCTION refresh_person_match_blocks(ids text[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  touched text[]\x3b
BEGIN
  touched := person_match_blocks_in(ids)\x3b
  PERFORM update_person_match_profiles(ids)\x3b
  PERFORM update_person_match_blocks(ids)\x3b
  PERFORM refresh_person_match_pairs(touched || person_match_blocks_in(ids))\x3b
END';

-- Block sizes follow their members. Size rows are locked in one order (by block) so two writers sharing blocks
-- wait for each other instead of deadlocking.
CREATE FUNCTION count_match_blocks_added() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO match_block_sizes (block, size)
  SELECT block, count(*) FROM added GROUP BY block ORDER BY block
  ON CONFLICT (block) DO UPDATE SET size = match_block_sizes.size + excluded.size\x3b
  RETURN NULL\x3b
END';
CREATE FUNCTION count_match_blocks_removed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM match_block_sizes WHERE block IN (SELECT block FROM removed) ORDER BY block FOR UPDATE\x3b
  UPDATE match_block_sizes s SET size = s.size - r.n
  FROM (SELECT block, count(*) AS n FROM removed GROUP BY block) AS r WHERE s.block = r.block\x3b
  DELETE FROM match_block_sizes WHERE block IN (SELECT block FROM removed) AND size <= 0\x3b
  RETURN NULL\x3b
END';
-- Transition tables need one trigger per event. Nothing updates a block row in place: the key is the whole row.
CREATE TRIGGER "person_match_blocks_added" AFTER INSERT ON "person_match_blocks"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_match_blocks_added();
CREATE TRIGGER "person_match_blocks_removed" AFTER DELETE ON "person_match_blocks"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_match_blocks_removed();

-- A bulk writer (a participants import: thousands of people, affiliations and enrollments, in slices) may defer the
-- insert triggers below for its transaction (set_config('tejido.defer_match_blocks', 'on', true)) and refresh every
-- person it wrote once at the end (lib/matching/match-blocks.ts): one refresh instead of one per slice and table.
CREATE FUNCTION match_blocks_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('tejido.defer_match_blocks', true), '') = 'on'
$$;

-- People: new ones get their blocks, changed ones (keys, name, active or not) have them drawn again, deleted ones lose them.
CREATE FUNCTION people_match_blocks_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT match_blocks_deferred() THEN
    PERFORM refresh_person_match_blocks(ARRAY(SELECT id FROM added))\x3b
  END IF\x3b
  RETURN NULL\x3b
END';
CREATE FUNCTION people_match_blocks_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_person_match_blocks(ARRAY(
    SELECT n.id FROM added n JOIN removed o ON o.id = n.id
    WHERE (n."emailKey", n."phoneKey", n."soundKey", n."soundPairs", n."nameWords", n."deactivatedAt" IS NULL)
          IS DISTINCT FROM (o."emailKey", o."phoneKey", o."soundKey", o."soundPairs", o."nameWords", o."deactivatedAt" IS NULL)
  ))\x3b
  RETURN NULL\x3b
END';
CREATE FUNCTION people_match_blocks_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_person_match_blocks(ARRAY(SELECT id FROM removed))\x3b
  RETURN NULL\x3b
END';
CREATE TRIGGER "people_match_blocks_inserted" AFTER INSERT ON "people"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION people_match_blocks_inserted();
CREATE TRIGGER "people_match_blocks_updated" AFTER UPDATE ON "people"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION people_match_blocks_updated();
CREATE TRIGGER "people_match_blocks_deleted" AFTER DELETE ON "people"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION people_match_blocks_deleted();

-- Affiliations and enrollments: the people whose organizations or networks may have changed (before and after).
CREATE FUNCTION person_links_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT match_blocks_deferred() THEN
    PERFORM refresh_person_match_blocks(ARRAY(SELECT DISTINCT "personId" FROM added))\x3b
  END IF\x3b
  RETURN NULL\x3b
END';
CREATE FUNCTION person_links_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_person_match_blocks(ARRAY(
    SELECT unnest(ARRAY[n."personId", o."personId"]) FROM added n JOIN removed o ON o.id = n.id
    WHERE (n."personId", n."organizationId", to_jsonb(n) ->> ''networkId'')
          IS DISTINCT FROM (o."personId", o."organizationId", to_jsonb(o) ->> ''networkId'')
  ))\x3b
  RETURN NULL\x3b
END';
CREATE FUNCTION person_links_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_person_match_blocks(ARRAY(SELECT DISTINCT "personId" FROM removed))\x3b
  RETURN NULL\x3b
END';
CREATE TRIGGER "affiliations_match_blocks_inserted" AFTER INSERT ON "affiliations"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION person_links_inserted();
CREATE TRIGGER "affiliations_match_blocks_updated" AFTER UPDATE ON "affiliations"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION person_links_updated();
CREATE TRIGGER "affiliations_match_blocks_deleted" AFTER DELETE ON "affiliations"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION person_links_deleted();
CREATE TRIGGER "enrollments_match_blocks_inserted" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION person_links_inserted();
CREATE TRIGGER "enrollments_match_blocks_updated" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION person_links_updated();
CREATE TRIGGER "enrollments_match_blocks_deleted" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION person_links_deleted();

-- Network memberships: the people of the organizations that joined or left a network.
CREATE FUNCTION network_memberships_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM refresh_person_match_blocks(ARRAY(
    SELECT DISTINCT a."personId" FROM affiliations a
    WHERE a."organizationId" IN (SELECT "organizationId" FROM changed)
  ))\x3b
  RETURN NULL\x3b
END';
CREATE TRIGGER "network_memberships_match_blocks_inserted" AFTER INSERT ON "network_memberships"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION network_memberships_changed();
CREATE TRIGGER "network_memberships_match_blocks_deleted" AFTER DELETE ON "network_memberships"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION network_memberships_changed();
CREATE TRIGGER "network_memberships_match_blocks_updated_before" AFTER UPDATE ON "network_memberships"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION network_memberships_changed();
CREATE TRIGGER "network_memberships_match_blocks_updated_after" AFTER UPDATE ON "network_memberships"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION network_memberships_changed();

-- The people already registered.
SELECT refresh_person_match_blocks(ARRAY(SELECT id FROM people));
