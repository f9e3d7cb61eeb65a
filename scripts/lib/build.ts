import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./database";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(projectRoot, ".next", "tejido-source-hash");

/** A hash of everything that goes into `next build`, to rebuild only when something changed. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const absolute = path.join(projectRoot, relative);
    if (!fs.existsSync(absolute)) return;
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(absolute).sort()) if (!SKIP.has(entry)) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update("\0").update(fs.readFileSync(absolute)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function buildIsFresh(): boolean {
  if (!fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID")) || !fs.existsSync(STAMP)) return false;
  return fs.readFileSync(STAMP, "utf8").trim() === sourceHash();
}

export function buildApp() {
  const hash = sourceHash();
  const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(STAMP, hash);
}

export function buildIfStale(): "built" | "fresh" {
  if (buildIsFresh()) return "fresh";
  buildApp();
  return "built";
}
