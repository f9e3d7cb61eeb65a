-- One matcher: every normalized key that compares people and organizations is computed here,
-- by PostgreSQL, from the record's own columns (generated columns). The app compares records
-- with these keys (lib/matching), it never computes a key of its own. The older keys
-- (people."nameKey", organizations."normalizedName", and the first duplicates keys) are dropped.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

ALTER TABLE "people" DROP COLUMN "matchKey", DROP COLUMN "shortMatchKey", DROP COLUMN "phoneKey", DROP COLUMN "emailKey", DROP COLUMN "nameKey";
ALTER TABLE "organizations" DROP COLUMN "matchKey", DROP COLUMN "rfcKey", DROP COLUMN "websiteKey", DROP COLUMN "normalizedName";
DROP FUNCTION name_match_key(text);

-- Abbreviations and nicknames that stand for one name (the maintained table is
-- lib/matching/name-variants.ts, scripts/matching-variants-sql.ts writes this function).
CREATE OR REPLACE FUNCTION name_variant(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT coalesce((SELECT v.canonical FROM (VALUES
    ('ant', 'antonio'),
    ('benja', 'benjamin'),
    ('beny', 'benjamin'),
    ('caro', 'carolina'),
    ('chabela', 'isabel'),
    ('chava', 'salvador'),
    ('chavo', 'salvador'),
    ('chayo', 'rosario'),
    ('checo', 'sergio'),
    ('chela', 'graciela'),
    ('chelo', 'consuelo'),
    ('chema', 'jose'),
    ('chente', 'vicente'),
    ('chepina', 'josefina'),
    ('chio', 'rocio'),
    ('chucho', 'jesus'),
    ('chuy', 'jesus'),
    ('clau', 'claudia'),
    ('concha', 'concepcion'),
    ('conche', 'concepcion'),
    ('conchis', 'concepcion'),
    ('conchita', 'concepcion'),
    ('cuca', 'refugio'),
    ('cuquita', 'refugio'),
    ('fca', 'francisca'),
    ('fco', 'francisco'),
    ('fdez', 'fernandez'),
    ('fdo', 'fernando'),
    ('fdz', 'fernandez'),
    ('fina', 'josefina'),
    ('gabi', 'gabriela'),
    ('gabo', 'gabriel'),
    ('gaby', 'gabriela'),
    ('glez', 'gonzalez'),
    ('glz', 'gonzalez'),
    ('goyo', 'gregorio'),
    ('gpe', 'guadalupe'),
    ('gtz', 'gutierrez'),
    ('guad', 'guadalupe'),
    ('gzz', 'gonzalez'),
    ('hdez', 'hernandez'),
    ('hndz', 'hernandez'),
    ('isa', 'isabel'),
    ('javi', 'javier'),
    ('jse', 'jose'),
    ('kike', 'enrique'),
    ('lalo', 'eduardo'),
    ('lencho', 'lorenzo'),
    ('leti', 'leticia'),
    ('lety', 'leticia'),
    ('licha', 'alicia'),
    ('lola', 'dolores'),
    ('lolita', 'dolores'),
    ('lupe', 'guadalupe'),
    ('lupita', 'guadalupe'),
    ('ma', 'maria'),
    ('magos', 'margarita'),
    ('mague', 'margarita'),
    ('manolo', 'manuel'),
    ('mau', 'mauricio'),
    ('memo', 'guillermo'),
    ('mig', 'miguel'),
    ('moni', 'monica'),
    ('mrtz', 'martinez'),
    ('mtz', 'martinez'),
    ('nacho', 'ignacio'),
    ('nando', 'fernando'),
    ('nati', 'natalia'),
    ('nico', 'nicolas'),
    ('paco', 'francisco'),
    ('panchito', 'francisco'),
    ('pancho', 'francisco'),
    ('paquito', 'francisco'),
    ('pati', 'patricia'),
    ('patty', 'patricia'),
    ('paty', 'patricia'),
    ('pepa', 'josefa'),
    ('pepe', 'jose'),
    ('pepita', 'josefa'),
    ('pili', 'pilar'),
    ('pina', 'josefina'),
    ('poncho', 'alfonso'),
    ('quique', 'enrique'),
    ('rafa', 'rafael'),
    ('rdguez', 'rodriguez'),
    ('rdz', 'rodriguez'),
    ('rebe', 'rebeca'),
    ('rguez', 'rodriguez'),
    ('richi', 'ricardo'),
    ('rigo', 'rigoberto'),
    ('santi', 'santiago'),
    ('sanz', 'sanchez'),
    ('sofi', 'sofia'),
    ('susi', 'susana'),
    ('susy', 'susana'),
    ('tere', 'teresa'),
    ('teresita', 'teresa'),
    ('toni', 'antonio'),
    ('tonio', 'antonio'),
    ('tono', 'antonio'),
    ('vero', 'veronica')
  ) AS v(variant, canonical) WHERE v.variant = word), word)
$$;

-- Lower case, no accents, words of letters and digits only.
CREATE FUNCTION match_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT btrim(regexp_replace(lower(public.tejido_unaccent(coalesce(value, ''))), '[^a-z0-9]+', ' ', 'g')) $$;

-- The words of a person's name as matching sees them, in the order written: particles (de, la,
-- del…), titles (Lic., Ing., Dra.…) and generational suffixes (Jr., hijo, Sr.) left out,
-- abbreviations and one-name nicknames written out (Ma. is maria, Lupita guadalupe).
CREATE FUNCTION person_name_words(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(name_variant(part) ORDER BY n), '{}')
  FROM regexp_split_to_table(match_text(value), ' ') WITH ORDINALITY AS t(part, n)
  WHERE part <> ''
    AND part NOT IN ('de', 'del', 'la', 'las', 'los', 'y', 'e', 'van', 'von', 'da', 'di')
    AND part NOT IN ('lic', 'licda', 'ing', 'dr', 'dra', 'mtro', 'mtra', 'prof', 'profa', 'profr', 'profra', 'arq', 'sra', 'srita', 'c')
    AND part NOT IN ('jr', 'junior', 'hijo', 'sr', 'senior', 'padre', 'ii', 'iii')
$$;

-- A generational suffix sets two people with the same name apart (a father and "Jr."):
-- 'jr' for Jr./junior/hijo/II/III, 'sr' for Sr./senior/padre after the first word.
CREATE FUNCTION person_name_suffix(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN bool_or(part IN ('jr', 'junior', 'hijo', 'ii', 'iii')) THEN 'jr'
              WHEN bool_or(part IN ('sr', 'senior', 'padre') AND n > 1) THEN 'sr' END
  FROM regexp_split_to_table(match_text(value), ' ') WITH ORDINALITY AS t(part, n)
$$;

-- The words sorted and joined: two names with the same words in any order have the same key.
CREATE FUNCTION sorted_words(words text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(string_agg(w, ' ' ORDER BY w COLLATE "C"), '') FROM unnest(words) AS w $$;

-- Every pair of distinct words (initials left out), for finding a name written with a word
-- missing or misspelt: "ana lopez" meets "ana lopez perez" and "ana lopes perez" on "ana perez".
CREATE FUNCTION word_pairs(words text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT least(a.w, b.w) || ' ' || greatest(a.w, b.w)), '{}')
  FROM unnest(words) WITH ORDINALITY AS a(w, i)
  JOIN unnest(words) WITH ORDINALITY AS b(w, j) ON a.i < b.j
  WHERE a.w <> b.w AND length(a.w) > 1 AND length(b.w) > 1
$$;

-- Each word as it sounds in Spanish: a silent h, s/z/c before e or i, b/v, i/y, ll/y, qu/c/k and doubled letters
-- do not matter, so "Lopes" sounds as "López" and "Velasquez" as "Velázquez".
CREATE FUNCTION name_sound_words(words text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(
           regexp_replace(
             regexp_replace(
               regexp_replace(
                 regexp_replace(translate(replace(w, 'h', ''), 'zvy', 'sbi'), 'c([ei])', 's\1', 'g'),
                 'qu|c', 'k', 'g'),
               'll', 'i', 'g'),
             '(.)\1+', '\1', 'g') ORDER BY n), '{}')
  FROM unnest(words) WITH ORDINALITY AS t(w, n)
$$;

-- A Mexican phone's ten digits: +52, the old 1 after 52, 044/045, 01, spaces and dashes do
-- not matter, nor an extension written after it. Null with fewer than ten digits.
CREATE FUNCTION phone_match_key(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN length(d) >= 10 THEN right(d, 10) END
  FROM (SELECT regexp_replace(regexp_replace(lower(coalesce(phone, '')), '\s*(ext|extension|x)\.?\s*[0-9]+\s*$', ''), '[^0-9]', '', 'g') AS d) AS s
$$;

-- An email as its mailbox: case never matters, dots and +tags only where the provider
-- ignores them (Gmail both, Outlook/Hotmail/iCloud/Proton +tags). Elsewhere a dot is part of the name.
CREATE FUNCTION email_match_key(email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN loc = '' OR dom = '' THEN NULL
    WHEN dom IN ('gmail.com', 'googlemail.com') THEN replace(split_part(loc, '+', 1), '.', '') || '@gmail.com'
    WHEN dom ~ '^(hotmail|outlook|live|msn|icloud|me|protonmail|proton)[.]' THEN split_part(loc, '+', 1) || '@' || dom
    ELSE loc || '@' || dom END
  FROM (SELECT split_part(e, '@', 1) AS loc, split_part(e, '@', 2) AS dom FROM (SELECT lower(btrim(coalesce(email, ''))) AS e) AS x) AS s
$$;

-- An organization's mailbox (contacto@, info@, direccion@…): many people register with it, so it
-- is weak evidence that two records are one person.
CREATE FUNCTION email_is_shared_inbox(email text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT split_part(lower(coalesce(email, '')), '@', 1) ~ '^(contact|info|admin|direcc|hola|oficina|recepc|comunica|coordina|secretar|proyect|atencion|soporte|general|buzon|correo|enlace|voluntar|donativ|presiden|contab|tesorer|programa|evento|registro|inscrip|red[^a-z]|fundacion|asociacion|colectivo|office|hello)'
$$;

-- The words of an organization's name: legal forms at the end (A.C., S.C., I.A.P., A.B.P.,
-- S.A. de C.V., S. de R.L.) and particles left out, abbreviations written out (Fund., Asoc.,
-- Ctro., Col., Inst., Org., Gpo., Cd.).
CREATE FUNCTION organization_name_words(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(CASE part
             WHEN 'fund' THEN 'fundacion' WHEN 'fundac' THEN 'fundacion' WHEN 'asoc' THEN 'asociacion' WHEN 'assoc' THEN 'asociacion'
             WHEN 'ctro' THEN 'centro' WHEN 'cto' THEN 'centro' WHEN 'col' THEN 'colectivo' WHEN 'colect' THEN 'colectivo'
             WHEN 'inst' THEN 'instituto' WHEN 'org' THEN 'organizacion' WHEN 'orgs' THEN 'organizaciones'
             WHEN 'gpo' THEN 'grupo' WHEN 'cd' THEN 'ciudad' WHEN 'com' THEN 'comunitaria'
             WHEN 'mex' THEN 'mexico' WHEN 'edo' THEN 'estado'
             ELSE part END ORDER BY n), '{}')
  FROM regexp_split_to_table(
         regexp_replace(match_text(value),
           '( (a c|ac|s c|sc|i a p|iap|a b p|abp|s a de c v|sa de cv|s de r l de c v|s de r l|s a|sa|s c p|scp|i b p|ibp))+$', ''),
         ' ') WITH ORDINALITY AS t(part, n)
  WHERE part <> '' AND part NOT IN ('de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en', 'para', 'por', 'a', 'al', 'the', 'of', 'and', 'con')
$$;

-- A generated column cannot read another, so each key starts again from the written values.
ALTER TABLE "people"
  ADD COLUMN "nameWords" TEXT[] NOT NULL GENERATED ALWAYS AS (
    person_name_words("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", ''))) STORED,
  ADD COLUMN "matchKey" TEXT NOT NULL GENERATED ALWAYS AS (
    sorted_words(person_name_words("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", '')))) STORED,
  -- The name as it sounds: its sound words, sorted, and every pair of them (the blocks candidates meet in).
  ADD COLUMN "soundWords" TEXT[] NOT NULL GENERATED ALWAYS AS (
    name_sound_words(person_name_words("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", '')))) STORED,
  ADD COLUMN "soundKey" TEXT NOT NULL GENERATED ALWAYS AS (
    sorted_words(name_sound_words(person_name_words("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", ''))))) STORED,
  ADD COLUMN "soundPairs" TEXT[] NOT NULL GENERATED ALWAYS AS (
    word_pairs(name_sound_words(person_name_words("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", ''))))) STORED,
  ADD COLUMN "nameSuffix" TEXT GENERATED ALWAYS AS (
    person_name_suffix("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", ''))) STORED,
  ADD COLUMN "phoneKey" TEXT GENERATED ALWAYS AS (phone_match_key(phone)) STORED,
  ADD COLUMN "emailKey" TEXT GENERATED ALWAYS AS (email_match_key(email)) STORED;

ALTER TABLE "organizations"
  ADD COLUMN "nameWords" TEXT[] NOT NULL GENERATED ALWAYS AS (organization_name_words(name)) STORED,
  ADD COLUMN "matchKey" TEXT NOT NULL GENERATED ALWAYS AS (sorted_words(organization_name_words(name))) STORED,
  ADD COLUMN "namePairs" TEXT[] NOT NULL GENERATED ALWAYS AS (word_pairs(organization_name_words(name))) STORED,
  ADD COLUMN "rfcKey" TEXT GENERATED ALWAYS AS (nullif(upper(regexp_replace(rfc, '[^A-Za-z0-9&]', '', 'g')), '')) STORED,
  ADD COLUMN "websiteKey" TEXT GENERATED ALWAYS AS (
    nullif(regexp_replace(lower(website), '^([a-z]+://)?(www[.])?([^/?#:]+).*$', '\3'), '')) STORED;

CREATE INDEX "people_matchKey_idx" ON "people" ("matchKey");
CREATE INDEX "people_soundPairs_idx" ON "people" USING gin ("soundPairs");
CREATE INDEX "people_soundKey_idx" ON "people" ("soundKey");
CREATE INDEX "people_phoneKey_idx" ON "people" ("phoneKey") WHERE "phoneKey" IS NOT NULL;
CREATE INDEX "people_emailKey_idx" ON "people" ("emailKey") WHERE "emailKey" IS NOT NULL;
CREATE INDEX "organizations_matchKey_idx" ON "organizations" ("matchKey");
CREATE INDEX "organizations_namePairs_idx" ON "organizations" USING gin ("namePairs");
CREATE INDEX "organizations_rfcKey_idx" ON "organizations" ("rfcKey") WHERE "rfcKey" IS NOT NULL;
CREATE INDEX "organizations_websiteKey_idx" ON "organizations" ("websiteKey") WHERE "websiteKey" IS NOT NULL;

-- What an import's commit did with each row, shown by its page and API afterwards.
ALTER TABLE "participant_imports" ADD COLUMN "results" JSONB;

-- Bulk merges: every merge of one "merge all high-confidence pairs" belongs to a batch, undone as a whole.
CREATE TABLE "merge_batches" (
    "id" TEXT NOT NULL,
    "kind" "RecordKind" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "merge_batches_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "merge_batches_createdAt_idx" ON "merge_batches"("createdAt");
ALTER TABLE "merge_batches" ADD CONSTRAINT "merge_batches_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "record_merges" ADD COLUMN "batchId" TEXT;
CREATE INDEX "record_merges_batchId_idx" ON "record_merges"("batchId");
ALTER TABLE "record_merges" ADD CONSTRAINT "record_merges_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "merge_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Counting rules: guests, speakers, observers and staff are marked without becoming participants,
-- and a late enrollee is expected only from the day they joined.
CREATE TYPE "EnrollmentRole" AS ENUM ('PARTICIPANT', 'GUEST', 'SPEAKER', 'OBSERVER', 'STAFF');
ALTER TABLE "enrollments" ADD COLUMN "role" "EnrollmentRole" NOT NULL DEFAULT 'PARTICIPANT';
ALTER TABLE "enrollments" ADD COLUMN "joinedOn" DATE;

-- Duplicate pairs are kept until the next write that could change them (lib/totals/data-version.ts): affiliations,
-- network memberships and "not a duplicate" decisions move the version too.
CREATE TRIGGER "affiliations_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "affiliations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "network_memberships_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "network_memberships" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "duplicate_dismissals_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "duplicate_dismissals" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
