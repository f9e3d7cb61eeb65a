/**
 * npm run bench: timings of the work facilitators do every week, on a throwaway
 * embedded PostgreSQL (never the demo database). Run with the react-server
 * condition so lib/ modules marked server-only load outside Next.js.
 *
 *   - saving a 60-person roster one mark at a time (what the phone screen does), and in one "mark all present";
 *   - importing a 500-row meeting report (450 people, 50 reconnections) into a 450-person roster;
 *   - streaming 50,000-row XLSX and CSV exports (time and peak memory);
 *   - a national program (100,000 people, 2,000,000 attendance marks): totals, summary API, dashboard under load
 *     (scripts/bench/national-scale.ts; BENCH_NATIONAL=0 skips it);
 *   - the duplicates page over its 101,000 people and 30,000 organizations (scripts/bench/duplicates-scale.ts);
 *   - a 10,000-row participants import into that program (scripts/bench/import-scale.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDeploy } from "./lib/database";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { benchDuplicatesScale } from "./bench/duplicates-scale";
import { benchImportScale } from "./bench/import-scale";
import { benchNationalScale } from "./bench/national-scale";
import { GIVEN_NAMES, SURNAMES } from "./bench/national-seed";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tejido-bench-"));
const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), quiet: true });
await server.createDatabase("bench");
migrateDeploy(server.url("bench"), { quiet: true });
process.env.DATABASE_URL = server.url("bench");
process.env.LOG_LEVEL = "silent";

const { db, disconnectDb } = await import("@/lib/db");
const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
const { recordAttendance, markAllPresent } = await import("@/lib/sessions/record-attendance");
const { importMeetingReport } = await import("@/lib/sessions/import-meeting-report");
const { peopleDataset } = await import("@/lib/exports/datasets");
const { xlsxStream, csvStream } = await import("@/lib/exports/write");

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** People with realistic, distinct names (`offset` keeps two rosters apart), so the duplicates benchmark sees no look-alikes. */
async function rosterOf(size: number, label: string, offset: number) {
  const program = await db.program.create({ data: { name: `Bench ${label}` } });
  const network = await db.network.create({ data: { name: `Red ${label}` } });
  const generation = await db.generation.create({
    data: { programId: program.id, number: 1, name: label, networks: { create: { networkId: network.id } } },
  });
  const organization = await db.organization.create({
    data: { name: `Org ${label}`, type: "CIVIL_SOCIETY", state: "SON" },
  });
  const people = Array.from({ length: size }, (_, index) => {
    const name = {
      givenNames: GIVEN_NAMES[(offset + index) % GIVEN_NAMES.length]!,
      firstSurname: SURNAMES[Math.floor((offset + index) / GIVEN_NAMES.length) % SURNAMES.length]!,
      secondSurname: "Prueba",
    };
    return { id: `bench-${label}-${index}`, ...name, email: `p${index}.${label}@bench.test` };
  });
  await db.person.createMany({ data: people });
  await db.enrollment.createMany({
    data: people.map((p) => ({ personId: p.id, generationId: generation.id, networkId: network.id, organizationId: organization.id })),
  });
  const user = await db.user.create({
    data: { email: `coord-${label}@bench.test`, name: "Coord", grants: { create: { role: "COORDINATOR", programId: program.id } } },
  });
  const actor = (await findActorBySessionId(await createAuthSession(user.id)))!;
  const workshop = await db.workshop.create({ data: { generationId: generation.id, title: "Bench", topic: "OTHER", order: 1 } });
  const newSession = () =>
    db.session.create({
      data: {
        workshopId: workshop.id,
        startsAt: new Date("2020-04-15T15:00:00Z"),
        endsAt: new Date("2020-04-15T17:00:00Z"),
        modality: "VIRTUAL",
        status: "HELD",
      },
    });
  return { actor, people, newSession };
}

const results: string[] = [];
// Each figure is printed as soon as it is known, so a failure later on does not lose it.
const keep = results.push.bind(results);
results.push = (...lines: string[]) => {
  for (const line of lines) console.log(`  ${line}`);
  return keep(...lines);
};
try {
  // 60-person roster, one mark at a time.
  const small = await rosterOf(60, "roster60", 0);
  const session = await small.newSession();
  const timings: number[] = [];
  const started = performance.now();
  for (const person of small.people) {
    const t0 = performance.now();
    await recordAttendance({ actor: small.actor, sessionId: session.id, personId: person.id, status: "PRESENT", expectedVersion: 0 });
    timings.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  results.push(
    `60-person roster, 60 marks one by one: total ${ms(total)}; per mark p50 ${ms(percentile(timings, 50))}, p95 ${ms(percentile(timings, 95))}`,
  );
  const allSession = await small.newSession();
  const t1 = performance.now();
  await markAllPresent({ actor: small.actor, sessionId: allSession.id });
  results.push(`60-person roster, "mark all present": ${ms(performance.now() - t1)}`);

  // 500-row meeting report into a 450-person roster.
  const large = await rosterOf(450, "report500", 60);
  const reportSession = await large.newSession();
  const lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"];
  large.people.forEach((person, index) => {
    const name = `${person.givenNames} ${person.firstSurname}`;
    lines.push(`${name},${person.email},04/15/2020 10:00:00 AM,04/15/2020 11:00:00 AM,60,No`);
    if (index < 50) lines.push(`${name},${person.email},04/15/2020 10:58:00 AM,04/15/2020 12:00:00 PM,62,No`);
  });
  const content = `${lines.join("\n")}\n`;
  const t2 = performance.now();
  const imported = await importMeetingReport({ actor: large.actor, sessionId: reportSession.id, fileName: "bench.csv", content });
  const importMs = performance.now() - t2;
  const t3 = performance.now();
  await importMeetingReport({ actor: large.actor, sessionId: reportSession.id, fileName: "bench.csv", content });
  results.push(
    `500-row meeting report (450 people, 50 reconnections): import ${ms(importMs)} (${imported.matched} matched); re-import of the same file ${ms(performance.now() - t3)}`,
  );

  // 50,000-row exports, streamed: time and the process's peak resident memory while writing.
  const exportPeople = Array.from({ length: 50_000 }, (_, index) => ({
    id: `bench-export-${index}`,
    givenNames: `Persona${index}`,
    firstSurname: "Exportación",
    secondSurname: "Prueba",
    email: `export${index}@bench.test`,
    phone: `+52 662 555 ${String(index % 10_000).padStart(4, "0")}`,
  }));
  for (let index = 0; index < exportPeople.length; index += 5_000)
    await db.person.createMany({ data: exportPeople.slice(index, index + 5_000) });
  const admin = await db.user.create({ data: { email: "admin@bench.test", name: "Admin", grants: { create: { role: "ADMIN" } } } });
  const adminActor = (await findActorBySessionId(await createAuthSession(admin.id)))!;
  for (const [format, write] of [
    ["XLSX", async (t: (key: string) => string) => xlsxStream(await peopleDataset(adminActor, {}, t), "personas")],
    ["CSV", async (t: (key: string) => string) => csvStream(await peopleDataset(adminActor, {}, t))],
  ] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t4 = performance.now();
    let bytes = 0;
    const reader = (await write((key) => key)).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    clearInterval(sampler);
    results.push(
      `${format} export of ${(await db.person.count()).toLocaleString("en")} people: ${ms(performance.now() - t4)}, ${(bytes / 1e6).toFixed(1)} MB, peak RSS +${((peak - baseline) / 1e6).toFixed(0)} MB over ${(baseline / 1e6).toFixed(0)} MB`,
    );
  }
  if (process.env.BENCH_NATIONAL !== "0") {
    await benchNationalScale(server.url("bench"), results);
    await benchDuplicatesScale(results);
    await benchImportScale(results);
  }
} finally {
  await disconnectDb();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  [
    "",
    `Tejido benchmarks · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · Node ${process.version}`,
    ...results.map((line) => `  ${line}`),
    "",
  ].join("\n"),
);
