/**
 * npm run matching:variants-sql
 *
 * Prints the SQL of the database function name_variant() from the maintained table in
 * lib/matching/name-variants.ts. When the table changes, put this output in a new migration
 * (npm run db:migration -- name_variants_<what>), followed by
 *   UPDATE people SET "givenNames" = "givenNames";
 * so that every stored match key is computed again. lib/matching/name-variants.test.ts fails
 * until the database and the table agree.
 */
import { variantEntries } from "../lib/matching/name-variants";

const values = variantEntries()
  .map(([variant, canonical]) => `('${variant}', '${canonical}')`)
  .join(",\n    ");
console.log(`CREATE OR REPLACE FUNCTION name_variant(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT coalesce((SELECT v.canonical FROM (VALUES
    ${values}
  ) AS v(variant, canonical) WHERE v.variant = word), word)
$$;`);
