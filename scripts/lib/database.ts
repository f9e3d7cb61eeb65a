import { spawnSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export type Database = { url: string; embedded: EmbeddedDatabase | null; stop: () => Promise<void> };

/** Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL in dataDir. */
export async function ensureDatabase(options: { dataDir: string; databaseName: string; quiet?: boolean }): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: null, stop: async () => {} };

  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, quiet: options.quiet });
  await embedded.createDatabase(options.databaseName);
  return { url: embedded.url(options.databaseName), embedded, stop: () => embedded.stop() };
}

export function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, "scripts", "prisma.mjs"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
}

export function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}) {
  runPrisma(["migrate", "deploy"], databaseUrl, options);
}

/** Stops `stop` once on Ctrl-C, SIGTERM or normal exit, then exits. */
export function stopOnSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop()
      .catch((error) => console.error(error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
