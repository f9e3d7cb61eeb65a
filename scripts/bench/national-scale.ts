/**
 * The national-scale part of `npm run bench`: seeds a program of 100,000 people in its own database and
 * grows it to 0.5M, 1M and 2M attendance marks. At each size, interleaved: an independent lower bound
 * (scripts/bench/lower-bound.ts, checked to give the app's numbers), the app's totals statement (the full
 * pass over the marks) and the totals read from the participation facts, all bare over `pg`, and the
 * rebuild of the facts. At 2M, with the production build started against it:
 *   - a mark written (facts kept in the same transaction), then GET /api/v1/generations/{id}/summary;
 *   - the summary as served between writes, and marks saved through the data layer;
 *   - the dashboard right after a write, and under 20 concurrent users while a writer marks every 500 ms,
 *     with the server's peak memory.
 */
import fs from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { freePort } from "../lib/embedded-postgres";
import { buildIfStale } from "../lib/build";
import { startApp, waitForHealthy } from "../lib/app-server";
import { headlineDifferences, LOWER_BOUND_SQL, type LowerBoundHeadline } from "./lower-bound";
import { addNationalMarks, NATIONAL, profileNationalRebuild, seedNationalProgram } from "./national-seed";

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

/** The summary's headline from a generation's facts, as the API computes it (for comparing with the lower bound). */
function headlineOf(facts: import("@/lib/totals/compute-generation-facts").GenerationFacts) {
  const rate = (row: { expected: number; attended: number }) => (row.expected ? row.attended / row.expected : null);
  return {
    people: facts.people,
    organizations: facts.organizations,
    networks: facts.networks,
    states: facts.states,
    sessionsHeld: facts.sessionsHeld,
    attendanceRate: rate(facts),
    byNetwork: facts.byNetwork.map((row) => ({ ...row, attendanceRate: rate(row) })),
    byState: facts.byState,
  };
}

/** CPU time (user + system) a process has used, from /proc (Linux), in ms. */
function cpuMs(pid: number) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number) {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs in the benchmark's own database (DATABASE_URL), after the smaller benchmarks. */
export async function benchNationalScale(databaseUrl: string, results: string[]) {
  const seedStarted = performance.now();
  const seeded = await seedNationalProgram(databaseUrl);
  results.push(
    `National program seeded (its own program in the benchmark database): ${seeded.people.toLocaleString("en")} people, ${NATIONAL.organizations.toLocaleString("en")} organizations, ${NATIONAL.networks} networks, ${NATIONAL.sessions.toLocaleString("en")} sessions in ${ms(performance.now() - seedStarted)}`,
  );

  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { createApiToken } = await import("@/lib/api-tokens/api-tokens");
  const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
  const { recordAttendance } = await import("@/lib/sessions/record-attendance");
  const { FACTS_WORK_MEM, generationFactsQuery, sortFacts } = await import("@/lib/totals/compute-generation-facts");
  const { participationFactsQuery } = await import("@/lib/totals/read-participation-facts");
  const { networkFactsQuery } = await import("@/lib/totals/read-network-facts");
  const { factsDifferences } = await import("@/lib/totals/verify-participation-facts");
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

  const client = new pg.Client({ connectionString: databaseUrl });
  // An error of this client after a failed step must not hide that step's own error.
  client.on("error", () => {});
  await client.connect();
  try {
    await measure();
  } finally {
    await client.end().catch(() => {});
  }

  async function measure() {
    await client.query(`SET work_mem = '${FACTS_WORK_MEM}'`);
    const statement = generationFactsQuery(NATIONAL.generationId, 75);
    const facts = participationFactsQuery(NATIONAL.generationId);
    const runStatement = async () => sortFacts((await client.query(statement.text, statement.values)).rows[0].facts);
    const runFacts = async () => sortFacts((await client.query(facts.text, facts.values)).rows[0].facts);
    const runBound = async () => (await client.query(LOWER_BOUND_SQL, [NATIONAL.generationId])).rows[0].headline as LowerBoundHeadline;

    // Growth: the same program at 0.5M, 1M and 2M marks; lower bound, statement, rebuild and facts interleaved.
    let from = 0;
    for (const perSession of [100, 200, NATIONAL.attendancePerSession]) {
      const added = await addNationalMarks(databaseUrl, from, perSession);
      from = perSession;
      const bound = await runBound();
      for (const [label, read] of [
        ["statement", runStatement],
        ["facts", runFacts],
      ] as const) {
        const differences = headlineDifferences(bound, headlineOf(await read()));
        if (differences.length) throw new Error(`The lower bound and the ${label} disagree: ${differences.slice(0, 5).join("; ")}`);
      }
      const timings = { bound: [] as number[], statement: [] as number[], facts: [] as number[] };
      for (let run = 0; run < 3; run++) {
        for (const [key, work] of [
          ["bound", runBound],
          ["statement", runStatement],
          ["facts", runFacts],
        ] as const) {
          const started = performance.now();
          await work();
          timings[key].push(performance.now() - started);
        }
      }
      const p50 = (values: number[]) => percentile(values, 50);
      results.push(
        `${(added.marks / 1e6).toFixed(1)}M marks (3 interleaved runs, p50; identical numbers checked): independent lower bound ${ms(p50(timings.bound))}; ` +
          `totals statement ${ms(p50(timings.statement))} = ${(p50(timings.statement) / p50(timings.bound)).toFixed(2)}×; ` +
          `rebuild of the facts (once) ${ms(added.rebuildMs)} = ${(added.rebuildMs / p50(timings.bound)).toFixed(1)}×; ` +
          `totals read from the facts ${ms(p50(timings.facts))} = ${(p50(timings.facts) / p50(timings.bound)).toFixed(3)}×`,
      );
    }

    // A network filter: from the facts (that network's people, sessions and marks) and by the totals statement.
    const networkStatement = generationFactsQuery(NATIONAL.generationId, 75, { networkId: "nat-n0" });
    const networkFacts = networkFactsQuery(NATIONAL.generationId, "nat-n0", 75);
    const byNetwork = { statement: [] as number[], facts: [] as number[] };
    let filtered: { statement?: unknown; facts?: unknown } = {};
    for (let run = 0; run < 3; run++) {
      for (const [key, query] of [
        ["statement", networkStatement],
        ["facts", networkFacts],
      ] as const) {
        const started = performance.now();
        filtered[key] = sortFacts((await client.query(query.text, query.values)).rows[0].facts);
        byNetwork[key].push(performance.now() - started);
      }
    }
    const networkDifferences = factsDifferences(filtered.facts as never, filtered.statement as never);
    if (networkDifferences.length) throw new Error(`The network filter differs: ${networkDifferences.slice(0, 3).join("; ")}`);
    filtered = {};
    results.push(
      `Filtered by one network at 2M marks (3 interleaved runs, p50; identical numbers checked): from the facts ${ms(percentile(byNetwork.facts, 50))}; ` +
        `totals statement ${ms(percentile(byNetwork.statement, 50))}`,
    );

    const profile = await profileNationalRebuild(databaseUrl);
    results.push(
      `Rebuild at 2M marks step by step (one transaction, rolled back): ${profile.map(([label, took]) => `${label} ${ms(took)}`).join("; ")}`,
    );

    buildIfStale();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const appEnv = { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("base64"), LOG_LEVEL: "warn" };
    const app = startApp({ port, env: appEnv });
    try {
      await waitForHealthy(baseUrl, 120_000);
      const summaryUrl = `${baseUrl}/api/v1/generations/${NATIONAL.generationId}/summary`;
      const getSummary = async () => {
        const response = await fetch(summaryUrl, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`summary answered ${response.status}`);
        return response.json();
      };
      const summary = await getSummary();
      const differences = headlineDifferences(await runBound(), summary);
      if (differences.length) throw new Error(`The lower bound and the summary API disagree: ${differences.slice(0, 5).join("; ")}`);

      // One mark changed (present ↔ absent) in its own transaction, triggers and all, then the headline read.
      let flip = 0;
      const writeMark = () =>
        client.query(`UPDATE attendance SET status = $1, version = version + 1 WHERE id = $2`, [
          flip++ % 2 ? "PRESENT" : "ABSENT",
          `nat-a${flip % NATIONAL.sessions}-${flip % 300}`,
        ]);
      const writes: number[] = [];
      const afterWrite: number[] = [];
      for (let run = 0; run < 30; run++) {
        let started = performance.now();
        await writeMark();
        writes.push(performance.now() - started);
        started = performance.now();
        await getSummary();
        afterWrite.push(performance.now() - started);
      }
      const served = await timeRuns(100, getSummary);
      results.push(
        `The summary API matches the independent lower bound: ${summary.people.toLocaleString("en")} people from ${summary.organizations.toLocaleString("en")} organizations, every network and state`,
        `A mark changed over pg, facts kept in its transaction (30 runs): p50 ${ms(percentile(writes, 50))}, p95 ${ms(percentile(writes, 95))}`,
        `Summary API right after each of those writes (30 runs): p50 ${ms(percentile(afterWrite, 50))}, p95 ${ms(percentile(afterWrite, 95))}`,
        `Summary API as served between writes (100 runs): p50 ${ms(served.p50)}, p95 ${ms(served.p95)}`,
      );

      // Marks saved as the phone roster saves them (recordAttendance: scope, roster, version check, facts).
      const unmarked = await db.$queryRaw<Array<{ personId: string }>>`
      SELECT e."personId" FROM enrollments e WHERE e."networkId" = 'nat-n0' AND e.status <> 'WITHDRAWN'
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a."sessionId" = 'nat-s0' AND a."personId" = e."personId") LIMIT 60`;
      const marked = unmarked.length;
      const marks = await timeRuns(marked, async () => {
        const next = unmarked.pop()!;
        await recordAttendance({ actor, sessionId: "nat-s0", personId: next.personId, status: "PRESENT", expectedVersion: 0 });
      });
      results.push(
        `Marks saved through the data layer (recordAttendance, facts maintained) on a 500-person roster, ${marked} marks: p50 ${ms(marks.p50)}, p95 ${ms(marks.p95)}`,
      );

      const cookie = await signIn(baseUrl, coordinator.email, password);
      const dashboardUrl = `${baseUrl}/generations/${NATIONAL.generationId}/dashboard`;
      const first = await fetch(dashboardUrl, { headers: { cookie } });
      const html = await first.text();
      if (!first.ok || !html.includes('data-testid="dashboard-headline"')) throw new Error(`dashboard answered ${first.status}`);
      const cold: number[] = [];
      for (let run = 0; run < 5; run++) {
        await writeMark();
        const started = performance.now();
        await fetch(dashboardUrl, { headers: { cookie } }).then((r) => r.text());
        cold.push(performance.now() - started);
      }
      // 20 users on the dashboard while a facilitator marks every 500 ms; the server's memory sampled throughout.
      let peakRss = rssMb(app.pid!);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(app.pid!))), 100);
      let written = 0;
      const cpuBefore = cpuMs(app.pid!);
      const writer = setInterval(() => void writeMark().then(() => written++), 500);
      const load = await autocannon({ url: dashboardUrl, connections: 20, duration: 20, headers: { cookie } });
      clearInterval(writer);
      clearInterval(sampler);
      const cpuPerView = (cpuMs(app.pid!) - cpuBefore) / Math.max(1, load.requests.total);
      results.push(
        `Dashboard page right after a write (5 runs): p50 ${ms(percentile(cold, 50))}, max ${ms(Math.max(...cold))}; page size ${(html.length / 1024).toFixed(0)} KB`,
        `Dashboard page, 20 concurrent users for 20 s while a writer marks every 500 ms (${written} writes), one app instance: ` +
          `${load.requests.total} requests (${(load.requests.total / 20).toFixed(0)}/s), latency p50 ${load.latency.p50} ms, p97.5 ${load.latency.p97_5} ms, ` +
          `p99 ${load.latency.p99} ms, max ${load.latency.max} ms; errors ${load.errors}, non-2xx ${load.non2xx}, timeouts ${load.timeouts}; server peak RSS ${peakRss.toFixed(0)} MB; ` +
          `server CPU per view ${cpuPerView.toFixed(0)} ms`,
      );
    } finally {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
  }
}
