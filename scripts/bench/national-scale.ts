/**
 * The national-scale part of `npm run bench`: seeds a program of 100,000 people
 * and 2,000,000 attendance marks in its own database, starts the production
 * build against it and measures
 *   - the statement behind every total, run bare over `pg` (the lower bound);
 *   - GET /api/v1/generations/{id}/summary, recomputed on every call (cache defeated) and as served;
 *   - the dashboard page under 20 concurrent signed-in users (autocannon).
 */
import autocannon from "autocannon";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { freePort } from "../lib/embedded-postgres";
import { buildIfStale } from "../lib/build";
import { startApp, waitForHealthy } from "../lib/app-server";
import { NATIONAL, seedNationalProgram } from "./national-seed";

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timeRuns(runs: number, run: () => Promise<unknown>) {
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

/** Signs in through Auth.js's own credentials flow, as a browser does, and returns the cookie header. */
export async function signIn(baseUrl: string, email: string, password: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`Sign-in failed with status ${response.status}`);
  return [...jar, session.split(";")[0]].join("; ");
}

/** Runs in the benchmark's own database (DATABASE_URL), after the smaller benchmarks. */
export async function benchNationalScale(databaseUrl: string, results: string[]) {
  const seedStarted = performance.now();
  const seeded = await seedNationalProgram(databaseUrl);
  results.push(
    `National program seeded (its own program in the benchmark database): ${NATIONAL.people.toLocaleString("en")} people, ${NATIONAL.organizations.toLocaleString("en")} organizations, ${NATIONAL.networks} networks, ${NATIONAL.sessions.toLocaleString("en")} sessions, ${seeded.attendance.toLocaleString("en")} attendance marks in ${ms(performance.now() - seedStarted)}`,
  );

  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { createApiToken } = await import("@/lib/api-tokens/api-tokens");
  const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
  const { FACTS_WORK_MEM, generationFactsQuery } = await import("@/lib/totals/compute-generation-facts");
  const password = "bench-national-1234";
  const coordinator = await db.user.create({
    data: {
      email: "coordinadora@national.test",
      name: "Coordinadora",
      passwordHash: await hashPassword(password),
      grants: { create: { role: "COORDINATOR", programId: NATIONAL.programId } },
    },
  });
  const actor = (await findActorBySessionId(await createAuthSession(coordinator.id)))!;
  const token = await createApiToken({ actor, name: "bench" });

  // The lower bound: the same statement, straight over a pg connection, no app in between.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`SET work_mem = '${FACTS_WORK_MEM}'`);
  const query = generationFactsQuery(NATIONAL.generationId, 75);
  await client.query(query.text, query.values);
  const raw = await timeRuns(10, () => client.query(query.text, query.values));

  buildIfStale();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv = { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("base64"), LOG_LEVEL: "warn" };
  const app = startApp({ port, env: appEnv });
  let second: ReturnType<typeof startApp> | undefined;
  try {
    await waitForHealthy(baseUrl, 120_000);
    const summaryUrl = `${baseUrl}/api/v1/generations/${NATIONAL.generationId}/summary`;
    const getSummary = async () => {
      const response = await fetch(summaryUrl, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`summary answered ${response.status}`);
      return response.json();
    };
    const summary = (await getSummary()) as { people: number; organizations: number };
    // Moving the data version makes every call recompute, as after a write.
    const fresh = await timeRuns(10, async () => {
      await client.query("SELECT nextval('totals_data_version')");
      await getSummary();
    });
    const served = await timeRuns(100, getSummary);
    results.push(
      `Totals statement bare over pg (lower bound, 10 runs): p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)} → ${summary.people.toLocaleString("en")} people from ${summary.organizations.toLocaleString("en")} organizations`,
      `Summary API recomputed on every call (10 runs): p50 ${ms(fresh.p50)}, p95 ${ms(fresh.p95)} = ${(fresh.p95 / raw.p95).toFixed(2)}× the bare statement's p95`,
      `Summary API as served between writes (100 runs): p50 ${ms(served.p50)}, p95 ${ms(served.p95)}`,
    );

    const cookie = await signIn(baseUrl, coordinator.email, password);
    const dashboardUrl = `${baseUrl}/generations/${NATIONAL.generationId}/dashboard`;
    const first = await fetch(dashboardUrl, { headers: { cookie } });
    const html = await first.text();
    if (!first.ok || !html.includes('data-testid="dashboard-headline"')) throw new Error(`dashboard answered ${first.status}`);
    await client.query("SELECT nextval('totals_data_version')");
    const cold = await timeRuns(1, () => fetch(dashboardUrl, { headers: { cookie } }).then((r) => r.text()));
    const load = await autocannon({ url: dashboardUrl, connections: 20, duration: 20, headers: { cookie } });
    // The same load spread over two instances of the app, one per core, as behind a load balancer.
    const port2 = await freePort();
    second = startApp({ port: port2, env: appEnv });
    await waitForHealthy(`http://127.0.0.1:${port2}`, 120_000);
    const secondUrl = dashboardUrl.replace(baseUrl, `http://127.0.0.1:${port2}`);
    await fetch(secondUrl, { headers: { cookie } }).then((r) => r.text());
    const spread = await autocannon({
      url: [dashboardUrl, secondUrl] as unknown as string,
      connections: 20,
      duration: 20,
      headers: { cookie },
    });
    const line = (result: autocannon.Result) =>
      `${result.requests.total} requests (${(result.requests.total / 20).toFixed(0)}/s), latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`;
    results.push(
      `Dashboard page right after a write (one request recomputes): ${ms(cold.p50)}; page size ${(html.length / 1024).toFixed(0)} KB`,
      `Dashboard page, 20 concurrent users for 20 s, one app instance (autocannon): ${line(load)}`,
      `Dashboard page, 20 concurrent users for 20 s, two app instances (one per core): ${line(spread)}`,
    );
  } finally {
    second?.kill("SIGTERM");
    app.kill("SIGTERM");
    await client.end();
    await new Promise((resolve) => app.once("exit", resolve));
  }
}
