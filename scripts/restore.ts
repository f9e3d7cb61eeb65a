/**
 * npm run restore -- file [--replace]
 *
 * Loads a backup of `npm run backup` into the database (DATABASE_URL, or the embedded one), first
 * migrated to the backup's migrations. The database must hold no data, or --replace removes it in the
 * same transaction. All or nothing: each table's count and checksum are checked before committing.
 * Stop the app first when replacing its data.
 */
import path from "node:path";
import { restoreBackup } from "./lib/backup";
import { migrateDeploy } from "./lib/database";
import { developmentDatabase } from "./lib/development-database";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run restore -- <backup file> [--replace]");
  process.exit(2);
}
const database = await developmentDatabase();
try {
  migrateDeploy(database.url, { quiet: true });
  const started = Date.now();
  const counts = await restoreBackup(database.url, path.resolve(file), { replace: args.includes("--replace") });
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(
    `Restored ${rows.toLocaleString("en")} rows into ${Object.keys(counts).length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s; every table matches the backup.`,
  );
} catch (error) {
  console.error(`Nothing was restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
