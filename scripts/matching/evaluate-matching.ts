/**
 * The labelled messy registration set (tests/fixtures/matching) run through the public API as a
 * coordinator with a token would: each file uploaded and committed with the app's suggested
 * decisions, then the duplicates proposed, then "merge all high-confidence pairs" for people and
 * organizations. Measures, against truth.json:
 * - import linking: pairwise precision and recall of rows that became the same person;
 * - duplicate proposals after the imports (high; high + medium), as pairs of rows;
 * - after merging the high pairs: the same, and the generation's people and organizations.
 * `npm run eval:matching` runs lib/matching/fixture-evaluation.test.ts, which prints these
 * figures and checks them against the targets; it runs in `npm test` too.
 */
import fs from "node:fs";
import path from "node:path";

export const FIXTURE_DIR = path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "matching");

type Truth = {
  files: string[];
  networks: Array<{ name: string; short: string; state: string }>;
  people: number;
  organizations: number;
  rows: Record<string, Array<{ person: string; organization: string }>>;
};

export type PairScore = { precision: number; recall: number; truePairs: number; predictedPairs: number };

/** Pairwise precision and recall of a clustering of rows against the truth (rows with no prediction are their own cluster). */
export function pairwiseScore(truth: string[], predicted: Array<string | undefined>): PairScore {
  const pairs = (groups: Map<string, number>) => [...groups.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const count = (keys: string[]) => {
    const groups = new Map<string, number>();
    for (const key of keys) groups.set(key, (groups.get(key) ?? 0) + 1);
    return groups;
  };
  const predictedKeys = predicted.map((key, index) => key ?? `unmatched-${index}`);
  const both = pairs(count(truth.map((key, index) => `${key} ${predictedKeys[index]}`)));
  const truePairs = pairs(count(truth));
  const predictedPairs = pairs(count(predictedKeys));
  return { precision: predictedPairs ? both / predictedPairs : 1, recall: truePairs ? both / truePairs : 1, truePairs, predictedPairs };
}

class UnionFind {
  private parent = new Map<string, string>();
  find(key: string): string {
    const up = this.parent.get(key) ?? key;
    if (up === key) return key;
    const root = this.find(up);
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string) {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent.set(y, x);
  }
}

export type Api = (method: "GET" | "POST", url: string, body?: FormData | object) => Promise<{ status: number; json: unknown }>;

type ImportRow = { row: number; index: number; outcome: string; personId?: string; organizationId?: string };
type Pair = { firstId: string; secondId: string; confidence: string };

/** Runs the whole evaluation through `api` (route handlers called directly, or a running server). */
export async function evaluateMatching(options: { api: Api; generationId: string; log?: (line: string) => void }) {
  const { api, generationId } = options;
  const log = options.log ?? (() => {});
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "truth.json"), "utf8")) as Truth;
  const rows: Array<{
    file: string;
    index: number;
    truthPerson: string;
    truthOrganization: string;
    personId?: string;
    organizationId?: string;
  }> = [];
  for (const file of truth.files) {
    const form = new FormData();
    form.set("file", new File([fs.readFileSync(path.join(FIXTURE_DIR, file))], file, { type: "text/csv" }));
    const upload = await api("POST", `/api/v1/generations/${generationId}/imports`, form);
    if (upload.status !== 201) throw new Error(`upload ${file}: ${upload.status} ${JSON.stringify(upload.json)}`);
    const { id, rowCount } = upload.json as { id: string; rowCount: number };
    const preview = (await api("GET", `/api/v1/imports/${id}`)).json as { rows: ImportRow[] };
    const outcomes = new Map<string, number>();
    for (const row of preview.rows) outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
    const commit = await api("POST", `/api/v1/imports/${id}/commit`, { decisions: "suggested" });
    if (commit.status !== 200) throw new Error(`commit ${file}: ${commit.status} ${JSON.stringify(commit.json)}`);
    log(`${file}: ${rowCount} rows (${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")})`);
    const labels = truth.rows[file]!;
    for (const row of (commit.json as { rows: ImportRow[] }).rows)
      rows.push({
        file,
        index: row.index,
        truthPerson: labels[row.index]!.person,
        truthOrganization: labels[row.index]!.organization,
        personId: row.personId,
        organizationId: row.organizationId,
      });
  }
  const truthPeople = rows.map((row) => row.truthPerson);
  const truthOrganizations = rows.map((row) => row.truthOrganization);
  const importPeople = pairwiseScore(
    truthPeople,
    rows.map((row) => row.personId),
  );
  const importOrganizations = pairwiseScore(
    truthOrganizations,
    rows.map((row) => row.organizationId),
  );

  const proposals = async (kind: "people" | "organizations", levels: string[]) => {
    const { pairs } = (await api("GET", `/api/v1/duplicates?kind=${kind}`)).json as { pairs: Pair[] };
    if (process.env.MATCHING_DEBUG && kind === "organizations" && levels.length === 1) {
      const { db } = await import("@/lib/db");
      const names = new Map(
        (await db.organization.findMany({ select: { id: true, name: true, state: true } })).map((o) => [o.id, `${o.name} (${o.state})`]),
      );
      for (const pair of pairs as Array<Pair & { reasons: string[] }>)
        log(`PAIR ${pair.confidence} ${names.get(pair.firstId)} | ${names.get(pair.secondId)} ${pair.reasons}`);
    }
    const merged = new UnionFind();
    for (const pair of pairs) if (levels.includes(pair.confidence)) merged.union(pair.firstId, pair.secondId);
    const key = (id: string | undefined) => (id ? merged.find(id) : undefined);
    return kind === "people"
      ? pairwiseScore(
          truthPeople,
          rows.map((row) => key(row.personId)),
        )
      : pairwiseScore(
          truthOrganizations,
          rows.map((row) => key(row.organizationId)),
        );
  };
  const proposed = {
    peopleHigh: await proposals("people", ["high"]),
    peopleHighMedium: await proposals("people", ["high", "medium"]),
    organizationsHigh: await proposals("organizations", ["high"]),
    organizationsHighMedium: await proposals("organizations", ["high", "medium"]),
  };

  // Merge the high pairs: organizations first (a merged organization is evidence for people), then people.
  const survivors = new UnionFind();
  const batches: Record<string, number> = {};
  for (const kind of ["organizations", "people", "organizations", "people"] as const) {
    const { status, json } = await api("POST", `/api/v1/duplicates/merge-high?kind=${kind}`);
    if (status !== 200) throw new Error(`merge-high ${kind}: ${status} ${JSON.stringify(json)}`);
    const { merged } = json as { merged: Array<{ keptId: string; mergedId: string }> };
    for (const { keptId, mergedId } of merged) survivors.union(keptId, mergedId);
    batches[kind] = (batches[kind] ?? 0) + merged.length;
  }
  const final = (id: string | undefined) => (id ? survivors.find(id) : undefined);
  const afterMerge = {
    people: pairwiseScore(
      truthPeople,
      rows.map((row) => final(row.personId)),
    ),
    organizations: pairwiseScore(
      truthOrganizations,
      rows.map((row) => final(row.organizationId)),
    ),
  };
  const summary = (await api("GET", `/api/v1/generations/${generationId}/summary`)).json as {
    enrolled: number;
    enrolledOrganizations: number;
  };
  if (process.env.MATCHING_DEBUG)
    explainErrors(
      rows,
      (row) => final(row.personId),
      (row) => final(row.organizationId),
      log,
    );
  return {
    rows: rows.length,
    truth: { people: truth.people, organizations: truth.organizations },
    importPeople,
    importOrganizations,
    proposed,
    merged: batches,
    afterMerge,
    totals: { people: summary.enrolled, organizations: summary.enrolledOrganizations },
  };
}

export type Evaluation = Awaited<ReturnType<typeof evaluateMatching>>;

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const score = (s: PairScore) =>
  `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.predictedPairs} predicted pairs, ${s.truePairs} true)`;

export function formatEvaluation(e: Evaluation) {
  const off = (value: number, truth: number) => `${value} (truth ${truth}, ${value >= truth ? "+" : ""}${pct((value - truth) / truth)})`;
  return [
    `Rows: ${e.rows}; truth: ${e.truth.people} people, ${e.truth.organizations} organizations`,
    `Import linking, people:         ${score(e.importPeople)}`,
    `Import linking, organizations:  ${score(e.importOrganizations)}`,
    `Proposed people, high:          ${score(e.proposed.peopleHigh)}`,
    `Proposed people, high + medium: ${score(e.proposed.peopleHighMedium)}`,
    `Proposed orgs, high:            ${score(e.proposed.organizationsHigh)}`,
    `Proposed orgs, high + medium:   ${score(e.proposed.organizationsHighMedium)}`,
    `Merged (high): ${e.merged.people ?? 0} people, ${e.merged.organizations ?? 0} organizations`,
    `After merge, people:            ${score(e.afterMerge.people)}`,
    `After merge, organizations:     ${score(e.afterMerge.organizations)}`,
    `Generation total, people:        ${off(e.totals.people, e.truth.people)}`,
    `Generation total, organizations: ${off(e.totals.organizations, e.truth.organizations)}`,
  ].join("\n");
}

/** The 2020 generation the set belongs to (four networks, three states) and a coordinator's API token. */
export async function setUpEvaluation() {
  const { db } = await import("@/lib/db");
  const { createApiToken } = await import("@/lib/api-tokens/api-tokens");
  const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
  const { parseState } = await import("@/lib/imports/normalize-values");
  const truth = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "truth.json"), "utf8")) as Truth;
  const program = await db.program.create({ data: { name: "Proyecto de Fortalecimiento de Redes (evaluación)" } });
  const networks = await Promise.all(
    truth.networks.map((network) =>
      db.network.create({ data: { name: network.name, shortName: network.short, states: [parseState(network.state)!] } }),
    ),
  );
  const generation = await db.generation.create({
    data: {
      programId: program.id,
      number: 1,
      name: "Generación 2020",
      status: "ACTIVE",
      networks: { create: networks.map((network) => ({ networkId: network.id })) },
    },
  });
  const user = await db.user.create({
    data: {
      email: `coordinacion-${Date.now()}@eval.test`,
      name: "Coordinación",
      grants: { create: { role: "COORDINATOR", programId: program.id } },
    },
  });
  const actor = (await findActorBySessionId(await createAuthSession(user.id)))!;
  return {
    generationId: generation.id,
    programId: program.id,
    networkIds: networks.map((network) => network.id),
    token: await createApiToken({ actor, name: "evaluation" }),
  };
}

/** The API as a client with a bearer token sees it, by calling the route handlers themselves. */
export function routeApi(token: string): Api {
  return async (method, target, body) => {
    const routes = {
      upload: await import("@/app/api/v1/generations/[generationId]/imports/route"),
      importOne: await import("@/app/api/v1/imports/[importId]/route"),
      commit: await import("@/app/api/v1/imports/[importId]/commit/route"),
      duplicates: await import("@/app/api/v1/duplicates/route"),
      mergeHigh: await import("@/app/api/v1/duplicates/merge-high/route"),
      undoBatch: await import("@/app/api/v1/merge-batches/[batchId]/undo/route"),
      summary: await import("@/app/api/v1/generations/[generationId]/summary/route"),
    };
    const request = new Request(`http://localhost${target}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && !(body instanceof FormData) ? { "content-type": "application/json" } : {}) },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const { pathname } = new URL(request.url);
    const id = (pattern: RegExp) => Promise.resolve(pattern.exec(pathname)?.[1] ?? "");
    let response: Response;
    if (/^\/api\/v1\/generations\/[^/]+\/imports$/.test(pathname))
      response = await routes.upload.POST(request, { params: id(/generations\/([^/]+)/).then((generationId) => ({ generationId })) });
    else if (/^\/api\/v1\/generations\/[^/]+\/summary$/.test(pathname))
      response = await routes.summary.GET(request, { params: id(/generations\/([^/]+)/).then((generationId) => ({ generationId })) });
    else if (/^\/api\/v1\/imports\/[^/]+\/commit$/.test(pathname))
      response = await routes.commit.POST(request, { params: id(/imports\/([^/]+)/).then((importId) => ({ importId })) });
    else if (/^\/api\/v1\/imports\/[^/]+$/.test(pathname))
      response = await routes.importOne.GET(request, { params: id(/imports\/([^/]+)/).then((importId) => ({ importId })) });
    else if (/^\/api\/v1\/merge-batches\/[^/]+\/undo$/.test(pathname))
      response = await routes.undoBatch.POST(request, { params: id(/merge-batches\/([^/]+)/).then((batchId) => ({ batchId })) });
    else if (pathname === "/api/v1/duplicates/merge-high") response = await routes.mergeHigh.POST(request, {});
    else if (pathname === "/api/v1/duplicates") response = await routes.duplicates.GET(request, {});
    else throw new Error(`No route for ${pathname}`);
    return { status: response.status, json: await response.json() };
  };
}

/** MATCHING_DEBUG=1: the rows of each truth cluster split apart, and of each predicted cluster mixing two truths. */
function explainErrors<Row extends { file: string; index: number; truthPerson: string; truthOrganization: string }>(
  rows: Row[],
  person: (row: Row) => string | undefined,
  organization: (row: Row) => string | undefined,
  log: (line: string) => void,
) {
  const cells = new Map<string, string[]>();
  const describe = (row: Row) => {
    if (!cells.has(row.file)) {
      const bytes = fs.readFileSync(path.join(FIXTURE_DIR, row.file));
      const text = row.file.includes("capturada") ? bytes.toString("latin1") : bytes.toString("utf8");
      cells.set(row.file, text.split("\r\n").slice(1));
    }
    return `${row.file}#${row.index}: ${cells.get(row.file)![row.index]}`;
  };
  for (const [label, truthOf, predicted] of [
    ["person", (row: Row) => row.truthPerson, person],
    ["organization", (row: Row) => row.truthOrganization, organization],
  ] as const) {
    const byTruth = new Map<string, Row[]>();
    for (const row of rows) byTruth.set(truthOf(row), [...(byTruth.get(truthOf(row)) ?? []), row]);
    for (const [key, group] of byTruth)
      if (new Set(group.map((row) => predicted(row) ?? `${row.file}${row.index}`)).size > 1)
        log(`SPLIT ${label} ${key}:\n  ${group.map((row) => `[${predicted(row)?.slice(-6)}] ${describe(row)}`).join("\n  ")}`);
    const byPredicted = new Map<string, Row[]>();
    for (const row of rows) {
      const id = predicted(row);
      if (id) byPredicted.set(id, [...(byPredicted.get(id) ?? []), row]);
    }
    for (const [, group] of byPredicted)
      if (new Set(group.map(truthOf)).size > 1)
        log(`MIXED ${label}:\n  ${group.map((row) => `{${truthOf(row)}} ${describe(row)}`).join("\n  ")}`);
  }
}
