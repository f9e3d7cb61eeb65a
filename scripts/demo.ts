/**
 * npm run demo: database (DATABASE_URL or embedded), migrations, demo data,
 * production build when missing or stale, then the app on PORT (3000).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { grantAppRole } from "./lib/app-role";
import { seedDemoData, startApp, waitForHealthy } from "./lib/app-server";
import { buildIfStale } from "./lib/build";
import { ensureDatabase, migrateDeploy, projectRoot } from "./lib/database";

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(projectRoot, ".data");

function demoAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // Generated once and kept, so demo sessions survive restarts. Production sets its own.
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

console.log(process.env.DATABASE_URL ? "▸ Using DATABASE_URL" : "▸ Starting the embedded PostgreSQL in .data/postgres");
const database = await ensureDatabase({ dataDir: path.join(dataDir, "postgres"), databaseName: "tejido", quiet: true });

let app: ReturnType<typeof startApp> | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n▸ Stopping…");
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  console.log(`▸ Applying migrations (${seconds()})`);
  migrateDeploy(database.url, { quiet: true });
  console.log(`▸ Loading demo data (${seconds()})`);
  seedDemoData(database.url);
  console.log(`▸ Checking the production build (${seconds()})`);
  const build = buildIfStale();
  console.log(build === "fresh" ? "  build is up to date" : `  built (${seconds()})`);

  // On the embedded default the app connects as its own role, not as the owner (scripts/lib/app-role.ts).
  const appUrl = database.embedded ? await grantAppRole(database.url) : database.url;
  app = startApp({ port, env: { DATABASE_URL: appUrl, AUTH_SECRET: demoAuthSecret() } });
  app.on("exit", (code) => void shutdown(code ?? 1));
  await waitForHealthy(`http://localhost:${port}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

const banner = [
  "",
  `Tejido is ready at http://localhost:${port}  (started in ${seconds()})`,
  "",
  "Demo logins (password for all: tejido-demo-2020):",
  "  admin@example.org          Administración / Administrator",
  "  coordinacion@example.org   Coordinación / Coordinator",
  "  facilitacion@example.org   Facilitación / Facilitator",
  "  fondos@example.org         Financiamiento / Funder",
  "  enlace.sonora@example.org  Enlace de Red Comunitaria Sonora / Network liaison",
  "",
  "Demo data: Proyecto de Fortalecimiento de Redes, first generation (2020): 132 people from 93 organizations.",
  "",
  "Press Ctrl-C to stop the app and the database.",
  "",
];
console.log(banner.join("\n"));
