/**
 * npm run backup [-- file]
 *
 * A consistent backup of the database (DATABASE_URL, or the embedded one of .data/postgres, even while
 * `npm run demo` runs) in Tejido's own format (scripts/lib/backup.ts): it needs no pg_dump, so it works
 * with the embedded PostgreSQL 18 on a machine whose tools are older. Default file:
 * .data/backups/tejido-<date>.backup.gz. Restore it with `npm run restore -- file`.
 */
import fs from "node:fs";
import path from "node:path";
import { writeBackup } from "./lib/backup";
import { projectRoot } from "./lib/database";
import { developmentDatabase } from "./lib/development-database";

const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const file = path.resolve(process.argv[2] ?? path.join(projectRoot, ".data", "backups", `tejido-${stamp}.backup.gz`));
fs.mkdirSync(path.dirname(file), { recursive: true });
const database = await developmentDatabase();
try {
  const started = Date.now();
  const counts = await writeBackup(database.url, file);
  const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
  console.log(`Backup written: ${file}`);
  console.log(
    `${Object.keys(counts).length} tables, ${rows.toLocaleString("en")} rows, ${(fs.statSync(file).size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await database.stop();
}
