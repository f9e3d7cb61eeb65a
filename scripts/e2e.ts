/**
 * End-to-end tests against the production build: a throwaway embedded
 * PostgreSQL (or E2E_DATABASE_URL), migrations, demo data, the production server (server.mjs), then
 * Playwright. Extra arguments go to Playwright (e.g. `npm run test:e2e -- e2e/auth.spec.ts`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { grantAppRole } from "./lib/app-role";
import { seedDemoData, startApp, waitForHealthy } from "./lib/app-server";
import { buildIfStale } from "./lib/build";
import { migrateDeploy, projectRoot } from "./lib/database";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tejido-e2e-"));
let server: EmbeddedDatabase | undefined;
let app: ReturnType<typeof startApp> | undefined;

async function cleanup() {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await server?.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
  let databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) {
    server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), quiet: true });
    await server.createDatabase("tejido_e2e");
    databaseUrl = server.url("tejido_e2e");
  }
  migrateDeploy(databaseUrl, { quiet: true });
  seedDemoData(databaseUrl);
  console.log(buildIfStale() === "fresh" ? "▸ Production build is up to date" : "▸ Built the app");

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // The app runs as its own non-owner role, as the demo does; the tests' fixtures keep the owner's URL.
  const appUrl = server ? await grantAppRole(databaseUrl) : databaseUrl;
  app = startApp({ port, env: { DATABASE_URL: appUrl, AUTH_SECRET: randomBytes(32).toString("base64"), LOG_LEVEL: "warn" } });
  await waitForHealthy(baseUrl);

  const playwright = spawn(
    process.execPath,
    [path.join(projectRoot, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)],
    {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl },
    },
  );
  return new Promise((resolve) => playwright.on("exit", (code) => resolve(code ?? 1)));
}

process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));
process.on("SIGTERM", () => void cleanup().finally(() => process.exit(143)));

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(code);
