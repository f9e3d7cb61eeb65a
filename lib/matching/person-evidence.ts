import "server-only";
import { db, withStatementBudget } from "@/lib/db";
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
 * Candidates share a block (person_match_blocks_of in the migration match_blocks): the same email
 * or phone key, the same sound key (the whole name as it sounds: Lopes and López), or a pair of
 * name words within the same network (within the same organization for someone in no network yet).
 * The judgement is made by judgePersonPair, never here.
 */
export async function findPersonPairEvidence(
  source: { kind: "registry"; ids?: [string, string] } | { kind: "probes"; probes: PersonProbe[] },
): Promise<PersonPairRow[]> {
  if (source.kind === "probes" && !source.probes.length) return [];
  // The stored people's blocks and the pairs they make are kept by PostgreSQL on every write (person_match_blocks,
  // person_match_pairs, migration match_blocks). The duplicates page reads the pairs; a probe reads the blocks it falls
  // in (at most match_block_cap people: a larger block is not paired inside); a merge page, the blocks of its pair,
  // which is compared whatever their size.
  const stored = source.kind === "registry" && !source.ids;
  const members =
    source.kind === "probes"
      ? Prisma.sql`SELECT m.block, m."personId" AS key FROM person_match_blocks m JOIN match_block_sizes s ON s.block = m.block
          WHERE m.block IN (SELECT block FROM probe_blocks) AND s.size <= match_block_cap(s.block)`
      : source.ids
        ? Prisma.sql`SELECT block, "personId" AS key FROM person_match_blocks WHERE "personId" IN (${source.ids[0]}, ${source.ids[1]})`
        : Prisma.sql`SELECT block, "personId" AS key FROM person_match_blocks WHERE false`;
  const capped = source.kind === "probes";
  const paired = stored
    ? Prisma.sql`SELECT a, b, false AS weak FROM person_match_pairs GROUP BY a, b`
    : Prisma.sql`SELECT x AS a, y AS b, bool_and(weak) AS weak FROM small_blocks, unnest(keys) AS x, unnest(keys) AS y WHERE x < y GROUP BY x, y`;
  const probes = source.kind === "probes" ? source.probes : [];
  const column = <T>(pick: (probe: PersonProbe) => T) => probes.map(pick);
  // Hash joins (the planner, blind to CTE sizes, would sort tens of thousands of wide rows to merge them), with the
  // memory to hash them; both settings last only for this transaction.
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('work_mem', '64MB', true), set_config('enable_mergejoin', 'off', true)`;
      // A national file is matched in one statement: its own budget, above the pool's default (lib/db.ts).
      await withStatementBudget(tx, 55_000);
      return tx.$queryRaw<Row[]>`
    WITH raw_probes AS (
      SELECT * FROM unnest(
        ${column((p) => p.key)}::text[], ${column((p) => p.givenNames)}::text[], ${column((p) => p.firstSurname)}::text[],
        ${column((p) => p.secondSurname ?? null)}::text[], ${column((p) => p.email ?? null)}::text[], ${column((p) => p.phone ?? null)}::text[],
        ${column((p) => p.gender ?? null)}::text[], ${column((p) => p.organizationKey ?? null)}::text[], ${column((p) => p.networkId ?? null)}::text[]
      ) AS r(key, given, first, second, email, phone, gender, org, network)
    ),
    -- The same functions as the stored people's generated columns. Each is computed once per probe: OFFSET 0 keeps the
    -- planner from folding the subqueries together and calling person_name_words five times a row.
    probes AS MATERIALIZED (
      SELECT key, true AS probe, words, sound AS "soundWords", sorted_words(sound) AS "soundKey", word_pairs(sound) AS "soundPairs",
             person_name_suffix(full_name) AS suffix,
             email_match_key(email) AS "emailKey", email,
             phone_match_key(phone) AS "phoneKey", gender,
             CASE WHEN org IS NULL THEN '{}'::text[] ELSE ARRAY[org] END AS orgs,
             CASE WHEN network IS NULL THEN '{}'::text[] ELSE ARRAY[network] END AS networks
      FROM (
        SELECT *, name_sound_words(words) AS sound FROM (
          SELECT *, person_name_words(full_name) AS words
          FROM (SELECT *, given || ' ' || first || ' ' || coalesce(second, '') AS full_name FROM raw_probes) AS r
          OFFSET 0
        ) AS w
        OFFSET 0
      ) AS s
    ),
    probe_blocks AS MATERIALIZED (
      SELECT p.key, b.block FROM probes p,
        person_match_blocks_of(p."emailKey", p."phoneKey", p."soundKey", p."soundPairs", p.networks, p.orgs) AS b(block)
    ),
    -- The blocks (person_match_blocks_of) and their caps (match_block_cap) are the migration's: one rule.
    small_blocks AS (
      SELECT block, match_block_is_weak(block) AS weak, array_agg(key) AS keys
      FROM (${members} UNION ALL SELECT block, key FROM probe_blocks) AS x
      GROUP BY block
      HAVING count(*) >= 2 AND (NOT ${capped}::boolean OR count(*) <= match_block_cap(block))
    ),
    paired AS (${paired}),
    registry AS MATERIALIZED (
      SELECT p.id AS key, false AS probe, p."nameWords" AS words, p."soundWords", p."nameSuffix" AS suffix,
             p."emailKey", p.email, p."phoneKey", p.gender::text AS gender,
             f.orgs, f.networks
      FROM (SELECT a FROM paired UNION SELECT b FROM paired) AS ids(id)
      JOIN people p ON p.id = ids.id
      JOIN person_match_profiles f ON f."personId" = p.id
      WHERE p."deactivatedAt" IS NULL
    ),
    entities AS (
      SELECT * FROM registry
      UNION ALL SELECT key, probe, words, "soundWords", suffix, "emailKey", email, "phoneKey", gender, orgs, networks FROM probes
    ),
    -- A pair met only in a weak block must have close names (person_names_close: most of the shorter name's sounds).
    candidates AS MATERIALIZED (
      SELECT p.a, p.b FROM paired p
      JOIN entities x ON x.key = p.a JOIN entities y ON y.key = p.b
      WHERE NOT p.weak OR person_names_close(x."soundWords", y."soundWords", cardinality(x.words), cardinality(y.words))
    ),
    -- "Several people" use a contact when it comes with more than one first given name, among the active people and
    -- the probes; counted only for the contacts a candidate pair shares.
    shared_contacts AS MATERIALIZED (
      SELECT x."emailKey", x."phoneKey", y."emailKey" AS other_email, y."phoneKey" AS other_phone
      FROM candidates c JOIN entities x ON x.key = c.a JOIN entities y ON y.key = c.b
    ),
    -- Counted only for the contacts a pair shares: one index lookup per contact in the registry (never a scan of it),
    -- and a hash join with the probes.
    email_keys AS MATERIALIZED (SELECT DISTINCT "emailKey" AS k FROM shared_contacts WHERE "emailKey" = other_email),
    email_use AS (
      SELECT u.k AS "emailKey", count(DISTINCT u.w) AS people FROM (
        SELECT keys.k, p.w FROM email_keys keys
        CROSS JOIN LATERAL (SELECT "nameWords"[1] AS w FROM people WHERE "emailKey" = keys.k AND "deactivatedAt" IS NULL) AS p
        UNION ALL SELECT keys.k, pr.words[1] FROM email_keys keys JOIN probes pr ON pr."emailKey" = keys.k
      ) AS u GROUP BY u.k
    ),
    phone_keys AS MATERIALIZED (SELECT DISTINCT "phoneKey" AS k FROM shared_contacts WHERE "phoneKey" = other_phone),
    phone_use AS (
      SELECT u.k AS "phoneKey", count(DISTINCT u.w) AS people FROM (
        SELECT keys.k, p.w FROM phone_keys keys
        CROSS JOIN LATERAL (SELECT "nameWords"[1] AS w FROM people WHERE "phoneKey" = keys.k AND "deactivatedAt" IS NULL) AS p
        UNION ALL SELECT keys.k, pr.words[1] FROM phone_keys keys JOIN probes pr ON pr."phoneKey" = keys.k
      ) AS u GROUP BY u.k
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
    WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.kind = 'PERSON'
                        AND ((d."firstId" = c.a AND d."secondId" = c.b) OR (d."firstId" = c.b AND d."secondId" = c.a)))`;
    },
    // A national file (10,000 rows) is matched in one statement: longer than an interactive transaction's default 5 s.
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
