import fs from "node:fs";
import path from "node:path";
import { ensureDatabase, projectRoot, type Database } from "./database";
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from "./embedded-postgres";

const DATA_DIR = path.join(projectRoot, ".data", "postgres");

/**
 * The database scripts such as backup and restore work on: DATABASE_URL when set; else the embedded
 * server of .data/postgres, the one `npm run demo` may be running right now (found by its postmaster.pid),
 * or started for the occasion and stopped afterwards.
 */
export async function developmentDatabase(databaseName = "tejido"): Promise<Database> {
  if (process.env.DATABASE_URL) return ensureDatabase({ dataDir: DATA_DIR, databaseName });
  const pidFile = path.join(DATA_DIR, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
    if (pid && port && isAlive(Number(pid)))
      return {
        url: `postgresql://${EMBEDDED_USER}:${encodeURIComponent(EMBEDDED_PASSWORD)}@127.0.0.1:${port.trim()}/${databaseName}`,
        embedded: null,
        stop: async () => {},
      };
  }
  return ensureDatabase({ dataDir: DATA_DIR, databaseName, quiet: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
