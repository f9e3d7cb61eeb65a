/**
 * Runs a command against the development database:
 *   npm run with-db -- next dev
 *   npm run with-db -- node scripts/prisma.mjs migrate dev --name add_things
 * DATABASE_URL wins; otherwise the embedded PostgreSQL in .data/postgres is used.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureDatabase, migrateDeploy, projectRoot, stopOnSignals } from "./lib/database";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx scripts/with-db.ts <command> [args…]");
  process.exit(2);
}

const database = await ensureDatabase({ dataDir: path.join(projectRoot, ".data", "postgres"), databaseName: "tejido" });
stopOnSignals(database.stop);
if (process.env.SKIP_MIGRATE !== "1") migrateDeploy(database.url);

const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: database.url }, shell: false });
child.on("exit", async (code) => {
  await database.stop();
  process.exit(code ?? 1);
});
