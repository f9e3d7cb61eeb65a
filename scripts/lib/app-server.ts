import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./database";

export function seedDemoData(databaseUrl: string) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      path.join(projectRoot, "scripts", "seed-demo.ts"),
    ],
    { cwd: projectRoot, stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" } },
  );
  if (result.status !== 0) throw new Error("Demo seed failed");
}

/** The production server (server.mjs) on the production build. */
export function startApp(options: { port: number; env: Record<string, string> }): ChildProcess {
  return spawn(
    process.execPath,
    // server.mjs, not `next start`: it stamps each request with its socket's address (lib/auth/client-ip.ts).
    [path.join(projectRoot, "server.mjs")],
    {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port), ...options.env },
    },
  );
}

export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy at ${baseUrl} within ${timeoutMs / 1000}s`);
}
