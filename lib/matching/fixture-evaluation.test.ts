import { createTranslator } from "next-intl";
import { expect, it, vi } from "vitest";
import es from "@/lib/i18n/messages/es-MX.json";
import { evaluateMatching, formatEvaluation, routeApi, setUpEvaluation } from "@/scripts/matching/evaluate-matching";

// Only the request seams are replaced: the API is called with a bearer token (no cookie session), and the
// summary route words its definition through next-intl's request config. The database is real.
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "es-MX", messages: es, namespace: namespace as never }),
}));

// The labelled messy set (tests/fixtures/matching) through the API, as `npm run eval:matching` prints it.
it("links and merges the messy registration set within the targets", { timeout: 240_000 }, async () => {
  const { generationId, token } = await setUpEvaluation();
  const evaluation = await evaluateMatching({ api: routeApi(token), generationId, log: (line) => console.log(line) });
  console.log(formatEvaluation(evaluation));

  expect(evaluation.afterMerge.people.precision).toBeGreaterThanOrEqual(0.98);
  expect(evaluation.afterMerge.people.recall).toBeGreaterThanOrEqual(0.95);
  expect(Math.abs(evaluation.totals.people - evaluation.truth.people) / evaluation.truth.people).toBeLessThanOrEqual(0.01);
  expect(Math.abs(evaluation.totals.organizations - evaluation.truth.organizations) / evaluation.truth.organizations).toBeLessThanOrEqual(
    0.03,
  );
  // The import alone, with the app's suggestions, already links without mixing two people.
  expect(evaluation.importPeople.precision).toBeGreaterThanOrEqual(0.98);
});
