/**
 * npm run matching:variants-sql
 *
 * Prints the SQL of the database function name_variant() from the maintained table in
 * lib/matching/name-variants.ts. When the table changes, put this output in a new migration
 * (npm run db:migration -- name_variants_<what>), followed by
 *   UPDATE people SET "givenNames" = "givenNames";
 * so that every stored match key is computed again (the match_blocks triggers then redraw the blocks). lib/matching/name-variants.test.ts fails
 * until the database and the table agree.
 */
import { variantEntries } from "../lib/matching/name-variants";

// A jsonb object: a key is found by binary search, where a VALUES list was read row by row (person_name_words calls
// this for every word of every name: 0.2 ms a name with the list, 0.03 ms with the object).
const object = JSON.stringify(Object.fromEntries(variantEntries())).replaceAll("'", "''");
console.log(`CREATE OR REPLACE FUNCTION name_variant(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce('${object}'::jsonb ->> word, word) $$;`);
