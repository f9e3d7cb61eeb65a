import { beforeAll, describe, expect, it } from "vitest";
import { attend, signedInActor } from "@/tests/support/factories";
import { createDashboardDataset } from "@/tests/support/dashboard-dataset";
import { getGenerationDashboard } from "./get-generation-dashboard";

/** The hand-computed dataset is described in tests/support/dashboard-dataset.ts. */
let generation: { id: string; programId: string };
let n1: { id: string };
let late: { tomas: { id: string }; s2: { id: string } };

beforeAll(async () => {
  const dataset = await createDashboardDataset();
  ({ generation, n1 } = dataset);
  late = { tomas: dataset.people.tomas, s2: dataset.sessions.s2 };
});

describe("getGenerationDashboard", () => {
  it("computes every KPI and breakdown from the records", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const dashboard = await getGenerationDashboard({ actor: admin, generationId: generation.id, filters: {} });
    expect(dashboard.kpis).toMatchObject({
      people: 3,
      organizations: 2,
      networks: 2,
      states: 2,
      enrolled: 4,
      sessionsHeld: 2,
      virtualShare: 0.5,
    });
    // s1 expected ana, luis (2/2); s2 expected all four (2/4): 4 of 6.
    expect(dashboard.kpis.attendanceRate).toBeCloseTo(4 / 6);
    // Completion at 75 %: ana 2/2, luis 1/2, sara 1/1 → 2 of 4 enrolled.
    expect(dashboard.kpis.completionRate).toBeCloseTo(0.5);
    expect(dashboard.byGender).toEqual([
      { value: "WOMAN", people: 2 },
      { value: "MAN", people: 1 },
    ]);
    expect(dashboard.byOrganizationType).toEqual([
      { value: "CIVIL_SOCIETY", organizations: 1 },
      { value: "COLLECTIVE", organizations: 1 },
    ]);
    expect(dashboard.attendanceOverTime.granularity).toBe("session");
    expect(dashboard.attendanceOverTime.buckets.map((s) => [s.modality, s.rate])).toEqual([
      ["IN_PERSON", 1],
      ["VIRTUAL", 0.5],
    ]);
    // N1 people were expected at both sessions: ana 2, luis 1 of 2 → 3 of 4.
    expect(dashboard.byNetwork.find((row) => row.networkId === n1.id)).toMatchObject({
      people: 2,
      organizations: 1,
      sessionsHeld: 2,
      attendanceRate: 0.75,
      completionRate: 0.5,
    });
  });

  it("applies the network, modality and date filters", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const virtual = await getGenerationDashboard({ actor: admin, generationId: generation.id, filters: { modality: "VIRTUAL" } });
    expect(virtual.kpis).toMatchObject({ people: 2, sessionsHeld: 1, virtualShare: 1 });
    const n1Only = await getGenerationDashboard({ actor: admin, generationId: generation.id, filters: { networkId: n1.id } });
    expect(n1Only.kpis).toMatchObject({ people: 2, enrolled: 2, networks: 1 });
    const february = await getGenerationDashboard({
      actor: admin,
      generationId: generation.id,
      filters: { to: new Date("2020-03-01T00:00:00Z") },
    });
    expect(february.kpis).toMatchObject({ people: 2, sessionsHeld: 1, virtualShare: 0 });
  });

  it("hides a funder's small breakdown cells but keeps the KPIs exact", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    const dashboard = await getGenerationDashboard({ actor: funder, generationId: generation.id, filters: {} });
    expect(dashboard.suppressed).toBe(true);
    expect(dashboard.kpis.people).toBe(3);
    expect(dashboard.byGender.every((row) => row.people === "<5")).toBe(true);
    expect(dashboard.byNetwork.every((row) => row.people === "<5" && row.organizations === "<5")).toBe(true);
  });

  it("is not found for someone outside the program", async () => {
    const nobody = await signedInActor();
    await expect(getGenerationDashboard({ actor: nobody, generationId: generation.id, filters: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows a write made after the previous read (cached totals follow the records)", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const before = await getGenerationDashboard({ actor: admin, generationId: generation.id, filters: {} });
    await attend(late.s2.id, late.tomas.id);
    const after = await getGenerationDashboard({ actor: admin, generationId: generation.id, filters: {} });
    expect(after.kpis.people).toBe(before.kpis.people + 1);
    expect(after.kpis.attendanceRate).toBeCloseTo(5 / 6);
  });
});
