-- CreateEnum
CREATE TYPE "RecordKind" AS ENUM ('PERSON', 'ORGANIZATION');

-- CreateTable
CREATE TABLE "duplicate_dismissals" (
    "kind" "RecordKind" NOT NULL,
    "firstId" TEXT NOT NULL,
    "secondId" TEXT NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duplicate_dismissals_pkey" PRIMARY KEY ("kind","firstId","secondId")
);

-- CreateTable
CREATE TABLE "record_merges" (
    "id" TEXT NOT NULL,
    "kind" "RecordKind" NOT NULL,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "mergedById" TEXT,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "record_merges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "record_merges_kind_survivorId_idx" ON "record_merges"("kind", "survivorId");

-- CreateIndex
CREATE INDEX "record_merges_kind_mergedId_idx" ON "record_merges"("kind", "mergedId");

-- CreateIndex
CREATE INDEX "record_merges_createdAt_idx" ON "record_merges"("createdAt");

-- AddForeignKey
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_merges" ADD CONSTRAINT "record_merges_mergedById_fkey" FOREIGN KEY ("mergedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_merges" ADD CONSTRAINT "record_merges_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Duplicate detection: names compared with accents removed (unaccent), similarity by trigrams (pg_trgm).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE because its dictionary could change. With the dictionary named
-- it can be declared IMMUTABLE, which generated columns and indexes require.
CREATE FUNCTION tejido_unaccent(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- Words of a name for matching: lower case, no accents or punctuation, particles (de, la, del…)
-- left out, common abbreviations written out (Ma. is María, Fco. Francisco, Gpe. Guadalupe),
-- sorted so that word order (swapped surnames) does not matter.
CREATE FUNCTION name_match_key(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(word, ' ' ORDER BY word COLLATE "C"), '')
  FROM (
    SELECT CASE part
             WHEN 'ma' THEN 'maria' WHEN 'fco' THEN 'francisco' WHEN 'gpe' THEN 'guadalupe'
             WHEN 'jse' THEN 'jose' WHEN 'ant' THEN 'antonio' WHEN 'fdo' THEN 'fernando'
             ELSE part END AS word
    FROM regexp_split_to_table(lower(public.tejido_unaccent(coalesce(value, ''))), '[^a-z0-9]+') AS part
    WHERE part <> '' AND part NOT IN ('de', 'del', 'la', 'las', 'los', 'y', 'e')
  ) AS words
$$;

-- Keys kept by PostgreSQL itself (generated columns), so every way of writing a person or an
-- organization keeps them right. Prisma does not model them: only the duplicates queries read them.
ALTER TABLE "people"
  ADD COLUMN "matchKey" TEXT GENERATED ALWAYS AS (name_match_key("givenNames" || ' ' || "firstSurname" || ' ' || coalesce("secondSurname", ''))) STORED,
  -- The name without the second surname, to meet a record where it was left out.
  ADD COLUMN "shortMatchKey" TEXT GENERATED ALWAYS AS (
    CASE WHEN "secondSurname" IS NOT NULL THEN name_match_key("givenNames" || ' ' || "firstSurname") END) STORED,
  -- The last ten digits: +52, the old 521 mobile prefix, spaces and dashes do not matter.
  ADD COLUMN "phoneKey" TEXT GENERATED ALWAYS AS (nullif(right(regexp_replace(phone, '[^0-9]', '', 'g'), 10), '')) STORED,
  -- Dots and +tags in the local part do not matter (ana.lopez+red@x.org is analopez@x.org).
  ADD COLUMN "emailKey" TEXT GENERATED ALWAYS AS (
    regexp_replace(split_part(email, '@', 1), '[+].*$|[.]', '', 'g') || '@' || split_part(email, '@', 2)) STORED;

ALTER TABLE "organizations"
  ADD COLUMN "matchKey" TEXT GENERATED ALWAYS AS (name_match_key("normalizedName")) STORED,
  ADD COLUMN "rfcKey" TEXT GENERATED ALWAYS AS (nullif(upper(regexp_replace(rfc, '[^A-Za-z0-9&]', '', 'g')), '')) STORED,
  ADD COLUMN "websiteKey" TEXT GENERATED ALWAYS AS (
    nullif(regexp_replace(lower(website), '^([a-z]+://)?(www[.])?([^/?#:]+).*$', '\3'), '')) STORED;

CREATE INDEX "people_matchKey_idx" ON "people" ("matchKey");
CREATE INDEX "people_shortMatchKey_idx" ON "people" ("shortMatchKey") WHERE "shortMatchKey" IS NOT NULL;
CREATE INDEX "people_phoneKey_idx" ON "people" ("phoneKey") WHERE "phoneKey" IS NOT NULL;
CREATE INDEX "people_emailKey_idx" ON "people" ("emailKey") WHERE "emailKey" IS NOT NULL;
CREATE INDEX "organizations_matchKey_idx" ON "organizations" ("matchKey");
CREATE INDEX "organizations_rfcKey_idx" ON "organizations" ("rfcKey") WHERE "rfcKey" IS NOT NULL;
CREATE INDEX "organizations_websiteKey_idx" ON "organizations" ("websiteKey") WHERE "websiteKey" IS NOT NULL;
