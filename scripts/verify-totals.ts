export {};
/**
 * npm run verify:totals: for every generation, compares the totals read from the participation facts
 * PostgreSQL keeps on every write with the totals statement's full pass over the records
 * (lib/totals/verify-participation-facts.ts). Exits 1 on any difference.
 * Runs on DATABASE_URL, or on the embedded development database (npm run with-db).
 */
const { verifyParticipationFacts } = await import("@/lib/totals/verify-participation-facts");
const { db, disconnectDb } = await import("@/lib/db");
const started = performance.now();
const generations = await db.generation.count();
const drift = await verifyParticipationFacts();
await disconnectDb();
for (const { generationId, name, differences } of drift) {
  console.log(`${name} (${generationId}):`);
  for (const difference of differences) console.log(`  ${difference.slice(0, 400)}`);
}
console.log(
  `${drift.length ? "DRIFT" : "OK"}: ${generations} generations checked, ${drift.length} differ, in ${(performance.now() - started).toFixed(0)} ms`,
);
process.exit(drift.length ? 1 : 0);
