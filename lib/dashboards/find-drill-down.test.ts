import { beforeAll, describe, expect, it } from "vitest";
import { signedInActor } from "@/tests/support/factories";
import { createDashboardDataset } from "@/tests/support/dashboard-dataset";
import { drillDownSchema, findOrganizationsBehindNumber, findPeopleBehindNumber } from "./find-drill-down";
import { getGenerationDashboard } from "./get-generation-dashboard";

let dataset: Awaited<ReturnType<typeof createDashboardDataset>>;
beforeAll(async () => {
  dataset = await createDashboardDataset();
});

const drill = (values: Record<string, string> = {}) => drillDownSchema.parse(values);

describe("the lists behind the dashboard's numbers", () => {
  it("lists exactly the people each number counts, by the same rule", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    const generationId = dataset.generation.id;
    const { ana, luis, sara, tomas } = dataset.people;
    const ids = async (values: Record<string, string>, filters = {}) => {
      const result = await findPeopleBehindNumber({ actor: coordinator, generationId, filters, drill: drill(values) });
      expect(result.total).toBe(result.people.length);
      return result.people.map((person) => person.id).sort();
    };
    // Took part: present or late at a held session; rosa withdrew, tomás only "came" to the cancelled one.
    expect(await ids({})).toEqual([ana.id, luis.id, sara.id].sort());
    expect(await ids({ measure: "enrolled" })).toEqual([ana.id, luis.id, sara.id, tomas.id].sort());
    // Completion at 75 %: ana 2 of 2, sara 1 of 1; luis 1 of 2.
    expect(await ids({ measure: "completed" })).toEqual([ana.id, sara.id].sort());
    expect(await ids({ inNetwork: dataset.n1.id })).toEqual([ana.id, luis.id].sort());
    expect(await ids({ gender: "WOMAN" })).toEqual([ana.id, sara.id].sort());
    expect(await ids({ gender: "UNKNOWN", measure: "enrolled" })).toEqual([tomas.id]);
    expect(await ids({}, { modality: "VIRTUAL" })).toEqual([ana.id, sara.id].sort());

    const dashboard = await getGenerationDashboard({ actor: coordinator, generationId, filters: {} });
    expect(dashboard.kpis.people).toBe(3);
    const anaRow = (await findPeopleBehindNumber({ actor: coordinator, generationId, filters: {}, drill: drill() })).people.find(
      (person) => person.id === ana.id,
    );
    expect(anaRow).toMatchObject({ attended: 2, expected: 2, networks: "N1" });
  });

  it("lists the organizations the counted people take part through", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    const result = await findOrganizationsBehindNumber({
      actor: coordinator,
      generationId: dataset.generation.id,
      filters: {},
      drill: drill(),
    });
    expect(result.organizations.map((o) => [o.id, o.people]).sort()).toEqual(
      [
        [dataset.a.id, 2],
        [dataset.b.id, 1],
      ].sort(),
    );
    const collectives = await findOrganizationsBehindNumber({
      actor: coordinator,
      generationId: dataset.generation.id,
      filters: {},
      drill: drill({ organizationType: "COLLECTIVE" }),
    });
    expect(collectives.organizations.map((o) => o.id)).toEqual([dataset.b.id]);
  });

  it("is not found for funders and liaisons, who may not see the people behind a number", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: dataset.generation.programId }] });
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: dataset.n1.id }] });
    for (const actor of [funder, liaison]) {
      await expect(
        findPeopleBehindNumber({ actor, generationId: dataset.generation.id, filters: {}, drill: drill() }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        findOrganizationsBehindNumber({ actor, generationId: dataset.generation.id, filters: {}, drill: drill() }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
