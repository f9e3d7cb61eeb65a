import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../scripts/lib/database";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export const TEMPLATE_DATABASE = "tejido_template";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run, with a migrated template database;
 * each test file then gets its own copy (tests/support/database-per-file.ts).
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tejido-vitest-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), quiet: true });
  await server.createDatabase(TEMPLATE_DATABASE);
  migrateDeploy(server.url(TEMPLATE_DATABASE), { quiet: true });
  project.provide("databaseServerUrl", server.url("postgres"));

  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
