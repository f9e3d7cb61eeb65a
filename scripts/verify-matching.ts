export {};
/**
 * npm run verify:matching: rebuilds the matcher's blocks and pairs from the records and compares them
 * with what PostgreSQL keeps on every write (lib/matching/verify-match-blocks.ts). Exits 1 on any drift.
 * Runs on DATABASE_URL, or on the embedded development database (npm run with-db).
 */
const { verifyMatchBlocks } = await import("@/lib/matching/verify-match-blocks");
const { disconnectDb } = await import("@/lib/db");
const started = performance.now();
const drift = await verifyMatchBlocks();
await disconnectDb();
const wrong = Object.values(drift).reduce((sum, { missing, extra }) => sum + missing + extra, 0);
for (const [table, { missing, extra }] of Object.entries(drift)) console.log(`${table}: ${missing} missing, ${extra} extra`);
console.log(`${wrong ? "DRIFT" : "OK"}: checked in ${(performance.now() - started).toFixed(0)} ms`);
process.exit(wrong ? 1 : 0);
