import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PersonPairEvidence } from "./judge-person-pair";

/**
 * A person not yet in the registry (an import row, a registration form) to be compared with
 * it. Its keys are computed by the same database functions as the stored ones.
 */
export type PersonProbe = {
  key: string;
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  email?: string | null;
  phone?: string | null;
  gender?: string | null;
  /** The organization it comes with: an existing id, or any key shared by probes naming the same new one. */
  organizationKey?: string | null;
  networkId?: string | null;
};

export type PersonSide = { key: string; probe: boolean; words: string[] };
export type PersonPairRow = PersonPairEvidence & { first: PersonSide; second: PersonSide };

// A block larger than this (a very common name, a phone used by a whole office) is not paired
// inside: its pairs would be many and almost all different people. Smaller blocks still meet them.
const MAX_BLOCK = 30;
const MAX_WORD_BLOCK = 12;

type Row = {
  a: string;
  b: string;
  a_probe: boolean;
  b_probe: boolean;
  a_words: string[];
  b_words: string[];
  a_suffix: string | null;
  b_suffix: string | null;
  same_email: boolean;
  email_shared: boolean;
  same_phone: boolean;
  phone_shared: boolean;
  different_email: boolean;
  shared_org: boolean;
  shared_network: boolean;
  gender_conflict: boolean;
};

/**
 * Candidate pairs and what each pair shares, in one statement:
 * - registry: every pair of active people (the duplicates page), or one given pair;
 * - probes: each probe against the active registry and against the other probes.
 * Candidates share a block: the same email or phone key, the same match key or sound key (the
 * name as it sounds: Lopes and López), or a pair of name words within the same network (within
 * the same organization for someone in no network yet). The judgement is made by
 * judgePersonPair, never here.
 */
export async function findPersonPairEvidence(
  source: { kind: "registry"; ids?: [string, string] } | { kind: "probes"; probes: PersonProbe[] },
): Promise<PersonPairRow[]> {
  if (source.kind === "probes" && !source.probes.length) return [];
  // Which stored people take part: all of them (the duplicates page); one pair and whoever shares its contacts (a merge
  // page); or, for probes, whoever shares a contact or the sound of the whole name with one, and the people of the
  // probes' networks and organizations, among whom the word-pair blocks look (index lookups, no scan of every name).
  const registryIds =
    source.kind === "registry"
      ? source.ids
        ? Prisma.sql`SELECT id FROM people WHERE id IN (${source.ids[0]}, ${source.ids[1]})
            OR "emailKey" IN (SELECT "emailKey" FROM people WHERE id IN (${source.ids[0]}, ${source.ids[1]}))
            OR "phoneKey" IN (SELECT "phoneKey" FROM people WHERE id IN (${source.ids[0]}, ${source.ids[1]}))`
        : Prisma.sql`SELECT id FROM people`
      : Prisma.sql`SELECT id FROM people WHERE "emailKey" IN (SELECT "emailKey" FROM probes)
          UNION SELECT id FROM people WHERE "phoneKey" IN (SELECT "phoneKey" FROM probes)
          UNION SELECT id FROM people WHERE "soundKey" IN (SELECT "soundKey" FROM probes)
          UNION SELECT "personId" FROM enrollments WHERE "networkId" IN (SELECT unnest(networks) FROM probes)
          UNION SELECT a."personId" FROM affiliations a JOIN network_memberships m ON m."organizationId" = a."organizationId"
                WHERE m."networkId" IN (SELECT unnest(networks) FROM probes)
          UNION SELECT "personId" FROM affiliations WHERE "organizationId" IN (SELECT unnest(orgs) FROM probes)`;
  const onlyPair =
    source.kind === "registry" && source.ids
      ? Prisma.sql`c.a IN (${source.ids[0]}, ${source.ids[1]}) AND c.b IN (${source.ids[0]}, ${source.ids[1]})`
      : Prisma.sql`true`;
  const probes = source.kind === "probes" ? source.probes : [];
  const column = <T>(pick: (probe: PersonProbe) => T) => probes.map(pick);
  // Hash joins over the whole registry (the planner, blind to CTE sizes, would sort 100,000 wide rows to merge them),
  // with the memory to hash them; both settings last only for this transaction.
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('work_mem', '64MB', true), set_config('enable_mergejoin', 'off', true)`;
      return tx.$queryRaw<Row[]>`
    WITH raw_probes AS (
      SELECT * FROM unnest(
        ${column((p) => p.key)}::text[], ${column((p) => p.givenNames)}::text[], ${column((p) => p.firstSurname)}::text[],
        ${column((p) => p.secondSurname ?? null)}::text[], ${column((p) => p.email ?? null)}::text[], ${column((p) => p.phone ?? null)}::text[],
        ${column((p) => p.gender ?? null)}::text[], ${column((p) => p.organizationKey ?? null)}::text[], ${column((p) => p.networkId ?? null)}::text[]
      ) AS r(key, given, first, second, email, phone, gender, org, network)
    ),
    probes AS (
      SELECT key, true AS probe,
             person_name_words(full_name) AS words,
             sorted_words(person_name_words(full_name)) AS "matchKey",
             name_sound_words(person_name_words(full_name)) AS "soundWords",
             sorted_words(name_sound_words(person_name_words(full_name))) AS "soundKey",
             word_pairs(name_sound_words(person_name_words(full_name))) AS "soundPairs",
             person_name_suffix(full_name) AS suffix,
             email_match_key(email) AS "emailKey", email,
             phone_match_key(phone) AS "phoneKey", gender,
             CASE WHEN org IS NULL THEN '{}'::text[] ELSE ARRAY[org] END AS orgs,
             CASE WHEN network IS NULL THEN '{}'::text[] ELSE ARRAY[network] END AS networks
      FROM (SELECT *, given || ' ' || first || ' ' || coalesce(second, '') AS full_name FROM raw_probes) AS r
    ),
    registry_ids AS (${registryIds}),
    -- Each person's organizations (affiliations and enrollments) and networks (enrollments, and the networks of their
    -- organizations), aggregated once by joins rather than looked up person by person.
    person_orgs AS (
      SELECT "personId", array_agg(DISTINCT "organizationId") AS orgs
      FROM (SELECT "personId", "organizationId" FROM affiliations UNION ALL SELECT "personId", "organizationId" FROM enrollments) AS x
      WHERE "personId" IN (SELECT id FROM registry_ids)
      GROUP BY "personId"
    ),
    person_networks AS (
      SELECT "personId", array_agg(DISTINCT "networkId") AS networks FROM (
        SELECT "personId", "networkId" FROM enrollments
        UNION ALL
        SELECT a."personId", m."networkId" FROM affiliations a JOIN network_memberships m ON m."organizationId" = a."organizationId"
      ) AS x
      WHERE "personId" IN (SELECT id FROM registry_ids)
      GROUP BY "personId"
    ),
    registry AS (
      SELECT p.id AS key, false AS probe, p."nameWords" AS words, p."matchKey", p."soundWords", p."soundKey", p."soundPairs", p."nameSuffix" AS suffix,
             p."emailKey", p.email, p."phoneKey", p.gender::text AS gender,
             coalesce(po.orgs, '{}') AS orgs, coalesce(pn.networks, '{}') AS networks
      FROM people p
      JOIN registry_ids r ON r.id = p.id
      LEFT JOIN person_orgs po ON po."personId" = p.id
      LEFT JOIN person_networks pn ON pn."personId" = p.id
      WHERE p."deactivatedAt" IS NULL
    ),
    entities AS (SELECT * FROM registry UNION ALL SELECT * FROM probes),
    -- Contacts and whole names (as they sound: the same words sound the same) block up to MAX_BLOCK records; a shared word or pair of words ("weak" blocks), only up to
    -- MAX_WORD_BLOCK (a common given name in a large network would otherwise pair everyone with everyone).
    blocks AS (
      SELECT 'e ' || "emailKey" AS block, key, ${MAX_BLOCK}::int AS cap, false AS weak FROM entities WHERE "emailKey" IS NOT NULL
      UNION ALL SELECT 'p ' || "phoneKey", key, ${MAX_BLOCK}, false FROM entities WHERE "phoneKey" IS NOT NULL
      UNION ALL SELECT 's ' || "soundKey", key, ${MAX_BLOCK}, false FROM entities WHERE "soundKey" <> ''
      -- Two name words (as they sound) within a network, or within an organization for someone in no network yet.
      UNION ALL SELECT 'n ' || n || ' ' || pair, key, ${MAX_WORD_BLOCK}, true FROM entities, unnest(networks) AS n, unnest("soundPairs") AS pair
      UNION ALL SELECT 'o ' || o || ' ' || pair, key, ${MAX_WORD_BLOCK}, true
        FROM entities, unnest(orgs) AS o, unnest("soundPairs") AS pair WHERE cardinality(networks) = 0
    ),
    -- Plain count and array_agg (hashable, no sort): a key listed twice in a block ("García García") only repeats a pair.
    small_blocks AS (
      SELECT block, bool_and(weak) AS weak, array_agg(key) AS keys FROM blocks GROUP BY block HAVING count(*) BETWEEN 2 AND min(cap)
    ),
    paired AS (
      SELECT x AS a, y AS b, bool_and(weak) AS weak FROM small_blocks, unnest(keys) AS x, unnest(keys) AS y WHERE x < y GROUP BY x, y
    ),
    -- A pair met only through a shared word must share most of the shorter name's sounds (60 %): "María Elena Soto" and
    -- "María Elena Ruiz" of one network are not compared, "Ana López" and "Ana López Pérez" are.
    candidates AS (
      SELECT p.a, p.b FROM paired p
      JOIN entities x ON x.key = p.a JOIN entities y ON y.key = p.b
      WHERE NOT p.weak
         OR (SELECT count(*) FROM (SELECT unnest(x."soundWords") INTERSECT SELECT unnest(y."soundWords")) AS shared) * 10
            >= 6 * least(cardinality(x.words), cardinality(y.words))
    ),
    -- "Several people" use a contact when it comes with more than one first given name, in the whole registry.
    -- Every record using a shared key is among the entities (the registry filter takes them in), so usage is counted there,
    -- only for keys that two or more entities have.
    email_use AS (
      SELECT "emailKey", count(DISTINCT words[1]) AS people FROM entities
      WHERE "emailKey" IN (SELECT "emailKey" FROM entities WHERE "emailKey" IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
      GROUP BY 1
    ),
    phone_use AS (
      SELECT "phoneKey", count(DISTINCT words[1]) AS people FROM entities
      WHERE "phoneKey" IN (SELECT "phoneKey" FROM entities WHERE "phoneKey" IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
      GROUP BY 1
    )
    SELECT c.a, c.b, x.probe AS a_probe, y.probe AS b_probe, x.words AS a_words, y.words AS b_words,
           x.suffix AS a_suffix, y.suffix AS b_suffix,
           coalesce(x."emailKey" = y."emailKey", false) AS same_email,
           coalesce(x."emailKey" = y."emailKey" AND (email_is_shared_inbox(x.email) OR eu.people > 1), false) AS email_shared,
           coalesce(x."phoneKey" = y."phoneKey", false) AS same_phone,
           coalesce(x."phoneKey" = y."phoneKey" AND pu.people > 1, false) AS phone_shared,
           coalesce(x."emailKey" <> y."emailKey" AND NOT email_is_shared_inbox(x.email) AND NOT email_is_shared_inbox(y.email), false)
             AS different_email,
           x.orgs && y.orgs AS shared_org,
           x.networks && y.networks AS shared_network,
           coalesce(x.gender IN ('WOMAN', 'MAN') AND y.gender IN ('WOMAN', 'MAN') AND x.gender <> y.gender, false) AS gender_conflict
    FROM candidates c
    JOIN entities x ON x.key = c.a
    JOIN entities y ON y.key = c.b
    LEFT JOIN email_use eu ON eu."emailKey" = x."emailKey" AND x."emailKey" = y."emailKey"
    LEFT JOIN phone_use pu ON pu."phoneKey" = x."phoneKey" AND x."phoneKey" = y."phoneKey"
    -- Pairs of two registry records come too: a probe "high" with two records is only unambiguous when those two are one.
    WHERE ${onlyPair}
      AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'PERSON'
                        AND ((d."firstId" = c.a AND d."secondId" = c.b) OR (d."firstId" = c.b AND d."secondId" = c.a)))`;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  return rows.map((row) => ({
    first: { key: row.a, probe: row.a_probe, words: row.a_words },
    second: { key: row.b, probe: row.b_probe, words: row.b_words },
    firstWords: row.a_words,
    secondWords: row.b_words,
    firstSuffix: row.a_suffix,
    secondSuffix: row.b_suffix,
    sameEmail: row.same_email,
    emailShared: row.email_shared,
    samePhone: row.same_phone,
    phoneShared: row.phone_shared,
    differentEmail: row.different_email,
    sharedOrganization: row.shared_org,
    sharedNetwork: row.shared_network,
    genderConflict: row.gender_conflict,
  }));
}
