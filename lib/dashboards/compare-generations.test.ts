import { beforeAll, describe, expect, it } from "vitest";
import { createDashboardDataset } from "@/tests/support/dashboard-dataset";
import { createGeneration, enroll, signedInActor } from "@/tests/support/factories";
import { compareGenerations } from "./compare-generations";

let dataset: Awaited<ReturnType<typeof createDashboardDataset>>;
let second: { id: string };
beforeAll(async () => {
  dataset = await createDashboardDataset();
  second = await createGeneration({ programId: dataset.generation.programId, networkIds: [dataset.n1.id, dataset.n2.id], number: 2 });
  // Ana took part in the first generation and comes back; Tomás was enrolled but never came; Luis comes back through N2/B.
  await enroll(dataset.people.ana.id, second.id, dataset.n1.id, dataset.a.id);
  await enroll(dataset.people.tomas.id, second.id, dataset.n2.id, dataset.b.id);
  await enroll(dataset.people.luis.id, second.id, dataset.n2.id, dataset.b.id);
});

describe("compareGenerations", () => {
  it("puts two generations side by side and counts who came back", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    const result = await compareGenerations({ actor: coordinator, generationId: second.id });
    const comparison = result.comparison!;
    expect(comparison.generations.map((g) => g.id)).toEqual([dataset.generation.id, second.id]);
    expect(comparison.generations[0].kpis).toMatchObject({ people: 3, organizations: 2, enrolled: 4, sessionsHeld: 2 });
    expect(comparison.generations[1].kpis).toMatchObject({ people: 0, enrolled: 3, sessionsHeld: 0 });
    // Ana and Luis took part before; Tomás did not. Organizations A and B both had participants.
    expect(comparison.returning).toEqual({ people: 2, organizations: 2, laterEnrolledPeople: 3, laterEnrolledOrganizations: 2 });
  });

  it("shows funders small returning counts as <5 and refuses generations of another program", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: dataset.generation.programId }] });
    const result = await compareGenerations({ actor: funder, generationId: dataset.generation.id, otherGenerationId: second.id });
    expect(result.comparison!.returning.people).toBe("<5");
    expect(result.comparison!.generations[0].kpis.people).toBe(3);

    const elsewhere = await createGeneration({ networkIds: [dataset.n1.id] });
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    await expect(
      compareGenerations({ actor: coordinator, generationId: dataset.generation.id, otherGenerationId: elsewhere.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const outsider = await signedInActor();
    await expect(compareGenerations({ actor: outsider, generationId: dataset.generation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
