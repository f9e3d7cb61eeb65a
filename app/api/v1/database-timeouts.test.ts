import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { createGeneration, createNetwork, signedInActor } from "@/tests/support/factories";

// Short budgets for this file (read by lib/env.ts on the first database call): a lock held by someone else
// must cost a request a fraction of a second and a 503, not a hang that exhausts the pool.
process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1500";

vi.mock("@/lib/auth/actor", () => ({ getActor: async () => null }));

let token: string;

beforeAll(async () => {
  const network = await createNetwork();
  const generation = await createGeneration({ networkIds: [network.id] });
  const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
  token = await createApiToken({ actor: coordinator, name: "timeouts" });
});

const request = (path: string) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("database budgets", () => {
  it("answers 503 JSON with Retry-After while a table is locked, fast, without exhausting the pool; other data still answers", async () => {
    const { GET: duplicates } = await import("./duplicates/route");
    const { GET: programs } = await import("./programs/route");
    // Someone holds the people table (a long migration, a stuck script).
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE people IN ACCESS EXCLUSIVE MODE");
    try {
      const started = performance.now();
      // More requests than the pool has connections (10).
      const responses = await Promise.all(
        Array.from({ length: 15 }, () => duplicates(request("/api/v1/duplicates?kind=people"), { params: Promise.resolve({}) })),
      );
      expect(performance.now() - started).toBeLessThan(8_000);
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE" } });
      }
      // Requests that do not need the locked table still answer.
      const unrelated = await programs(request("/api/v1/programs"), { params: Promise.resolve({}) });
      expect(unrelated.status).toBe(200);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await duplicates(request("/api/v1/duplicates?kind=people"), { params: Promise.resolve({}) })).status).toBe(200);
  });

  it("cancels a statement past its budget, and the error reads as 'the database is busy'", async () => {
    const error = await db.$queryRaw`SELECT pg_sleep(3)`.catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // A bug is not "unavailable".
    expect(isDatabaseUnavailable(await db.$queryRaw`SELECT 1/0`.catch((caught: unknown) => caught))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
