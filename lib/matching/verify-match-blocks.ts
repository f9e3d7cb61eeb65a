import "server-only";
import { db, withStatementBudget } from "@/lib/db";

/** Rows the database keeps for the matcher that a rebuild from the records would not (extra) or would (missing). */
export type MatchBlocksDrift = {
  profiles: { missing: number; extra: number };
  blocks: { missing: number; extra: number };
  sizes: { missing: number; extra: number };
  pairs: { missing: number; extra: number };
};

/**
 * Rebuilds the matcher's profiles, blocks, block sizes and pairs from the records (the same rule
 * functions as the triggers of migration match_blocks) and compares them with what the triggers kept.
 * Every count is 0 when the incremental upkeep is right. Used by the tests and by `npm run verify:matching`.
 */
export async function verifyMatchBlocks(): Promise<MatchBlocksDrift> {
  // A full rebuild of a national registry takes seconds: its own budget (lib/db.ts), in a transaction of its own.
  const [row] = await db.$transaction(
    async (tx) => {
      await withStatementBudget(tx, 600_000);
      return tx.$queryRaw<
        {
          profiles_missing: number;
          profiles_extra: number;
          blocks_missing: number;
          blocks_extra: number;
          sizes_missing: number;
          sizes_extra: number;
          pairs_missing: number;
          pairs_extra: number;
        }[]
      >`
    WITH active AS (SELECT id FROM people WHERE "deactivatedAt" IS NULL),
    links AS MATERIALIZED (SELECT * FROM person_match_links(ARRAY(SELECT id FROM active))),
    expected_blocks AS MATERIALIZED (
      SELECT DISTINCT p.id AS "personId", b.block
      FROM people p JOIN links l ON l."personId" = p.id
      CROSS JOIN LATERAL person_match_blocks_of(p."emailKey", p."phoneKey", p."soundKey", p."soundPairs", l.networks, l.orgs) AS b(block)
    ),
    expected_sizes AS MATERIALIZED (SELECT block, count(*)::int AS size FROM expected_blocks GROUP BY block),
    expected_pairs AS MATERIALIZED (
      SELECT s.block, x."personId" AS a, y."personId" AS b
      FROM expected_sizes s
      JOIN expected_blocks x ON x.block = s.block
      JOIN expected_blocks y ON y.block = s.block AND x."personId" < y."personId"
      JOIN people px ON px.id = x."personId" JOIN people py ON py.id = y."personId"
      WHERE s.size BETWEEN 2 AND match_block_cap(s.block)
        AND (NOT match_block_is_weak(s.block)
             OR person_names_close(px."soundWords", py."soundWords", cardinality(px."nameWords"), cardinality(py."nameWords")))
    )
    SELECT
      (SELECT count(*) FROM (SELECT "personId", orgs, networks FROM links EXCEPT SELECT "personId", orgs, networks FROM person_match_profiles) AS x)::int AS profiles_missing,
      (SELECT count(*) FROM (SELECT "personId", orgs, networks FROM person_match_profiles EXCEPT SELECT "personId", orgs, networks FROM links) AS x)::int AS profiles_extra,
      (SELECT count(*) FROM (SELECT "personId", block FROM expected_blocks EXCEPT SELECT "personId", block FROM person_match_blocks) AS x)::int AS blocks_missing,
      (SELECT count(*) FROM (SELECT "personId", block FROM person_match_blocks EXCEPT SELECT "personId", block FROM expected_blocks) AS x)::int AS blocks_extra,
      (SELECT count(*) FROM (SELECT block, size FROM expected_sizes EXCEPT SELECT block, size FROM match_block_sizes) AS x)::int AS sizes_missing,
      (SELECT count(*) FROM (SELECT block, size FROM match_block_sizes EXCEPT SELECT block, size FROM expected_sizes) AS x)::int AS sizes_extra,
      (SELECT count(*) FROM (SELECT block, a, b FROM expected_pairs EXCEPT SELECT block, a, b FROM person_match_pairs) AS x)::int AS pairs_missing,
      (SELECT count(*) FROM (SELECT block, a, b FROM person_match_pairs EXCEPT SELECT block, a, b FROM expected_pairs) AS x)::int AS pairs_extra`;
    },
    { maxWait: 10_000, timeout: 600_000 },
  );
  return {
    profiles: { missing: row!.profiles_missing, extra: row!.profiles_extra },
    blocks: { missing: row!.blocks_missing, extra: row!.blocks_extra },
    sizes: { missing: row!.sizes_missing, extra: row!.sizes_extra },
    pairs: { missing: row!.pairs_missing, extra: row!.pairs_extra },
  };
}
