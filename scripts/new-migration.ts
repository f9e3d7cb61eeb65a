/**
 * npm run db:migration -- <name>
 *
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
 * takes the schema of the last commit to the working prisma/schema.prisma.
 *
 * Why not `prisma migrate dev`: on machines that use the offline schema engine
 * (../shared/prisma-offline), introspecting a database panics intermittently;
 * a schema-to-schema diff needs no introspection. Where Prisma's own engine is
 * available, `prisma migrate dev --create-only` produces the same file.
 * Add hand-written SQL (CHECK constraints, extensions) below the generated part,
 * without semicolons in comments, then `npm test` applies it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, projectRoot } from "./lib/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tejido-schema-")), "schema.prisma");
let base = "";
try {
  base = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: projectRoot, encoding: "utf8" });
} catch {
  // No committed schema yet: diff from an empty database.
}
fs.writeFileSync(previous, base);

// The engine wants a database connection even for a schema-to-schema diff.
const database = await ensureDatabase({ dataDir: path.join(projectRoot, ".data", "postgres"), databaseName: "tejido", quiet: true });
try {
  const from = base ? ["--from-schema", previous] : ["--from-empty"];
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, "scripts", "prisma.mjs"), "migrate", "diff", ...from, "--to-schema", "prisma/schema.prisma", "--script"],
    { cwd: projectRoot, encoding: "utf8", env: { ...process.env, DATABASE_URL: database.url } },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const sql = result.stdout.trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("No schema changes since the last commit.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(projectRoot, "prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql`);
  }
} finally {
  await database.stop();
}
