import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/scripts/lib/embedded-postgres";

// This file stops and restarts a database, so it gets a PostgreSQL server of its own.
// API calls below carry a bearer token: the cookie session (next-auth) is not read.
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => null }));
let server: EmbeddedDatabase;
let dataDir: string;
let GET: typeof import("./route").GET;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tejido-health-"));
  server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), quiet: true });
  process.env.DATABASE_URL = server.url("postgres");
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  vi.resetModules();
  ({ GET } = await import("./route"));
});

afterAll(async () => {
  await server.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function health() {
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  it("answers 503 while the database is down and 200 again once it is back, without a restart", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });

    await server.stop();
    expect(await health()).toEqual({ status: 503, body: { status: "error", database: "unavailable" } });

    await server.start();
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  });

  it("the API answers a JSON 503 with Retry-After while the database is down, never an empty 500", async () => {
    const { GET: me } = await import("@/app/api/v1/me/route");
    await server.stop();
    try {
      const response = await me(new Request("http://localhost/api/v1/me", { headers: { authorization: "Bearer tej_0000000000000000" } }), {
        params: Promise.resolve({}),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE" } });
    } finally {
      await server.start();
    }
  });
});
