#!/usr/bin/env node
// Runs the Prisma CLI. Where Prisma's schema engine cannot be downloaded, the
// offline stand-in in ../shared/prisma-offline is used when it exists.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const offlineEngine = path.resolve(root, "..", "shared", "prisma-offline", "schema-engine");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(offlineEngine)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = offlineEngine;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [prismaBin, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(result.status ?? 1);
