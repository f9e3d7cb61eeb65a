import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  attend,
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { getGenerationDashboard } from "./get-generation-dashboard";

/**
 * Hand-computed: N1 (Sonora) with org A, N2 (Chihuahua) with org B (a collective).
 * Held sessions: s1 in person for N1 (Feb), s2 virtual for everyone (Apr); s3 cancelled.
 * ana (woman, 30–44) N1/A: s1, s2.  luis (man) N1/A: s1.  sara (woman) N2/B: s2.  tomás N2/B: never came.
 */
let generation: { id: string; programId: string };
let n1: { id: string };
let late: { tomas: { id: string }; s2: { id: string } };

beforeAll(async () => {
  let n2: { id: string };
  [n1, n2] = await Promise.all([createNetwork("N1"), createNetwork("N2")]);
  generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  const a = await createOrganization({ networkIds: [n1.id], state: "SON" });
  const b = await createOrganization({ networkIds: [n2.id], state: "CHH" });
  await db.organization.update({ where: { id: b.id }, data: { type: "COLLECTIVE" } });
  const [ana, luis, sara, tomas] = await Promise.all([createPerson(), createPerson(), createPerson(), createPerson()]);
  await db.person.update({ where: { id: ana.id }, data: { gender: "WOMAN", ageRange: "AGE_30_44" } });
  await db.person.update({ where: { id: luis.id }, data: { gender: "MAN" } });
  await db.person.update({ where: { id: sara.id }, data: { gender: "WOMAN" } });
  await enroll(ana.id, generation.id, n1.id, a.id);
  await enroll(luis.id, generation.id, n1.id, a.id);
  await enroll(sara.id, generation.id, n2.id, b.id);
  await enroll(tomas.id, generation.id, n2.id, b.id);
  const s1 = await createSession(generation.id, {
    status: "HELD",
    modality: "IN_PERSON",
    networkIds: [n1.id],
    startsAt: new Date("2020-02-10T16:00:00Z"),
  });
  const s2 = await createSession(generation.id, { status: "HELD", modality: "VIRTUAL", startsAt: new Date("2020-04-15T15:00:00Z") });
  const s3 = await createSession(generation.id, { status: "CANCELLED", modality: "VIRTUAL", startsAt: new Date("2020-05-15T15:00:00Z") });
  await attend(s1.id, ana.id);
  await attend(s1.id, luis.id, "LATE");
  await attend(s2.id, ana.id);
  await attend(s2.id, sara.id);
  await attend(s3.id, tomas.id);
  late = { tomas, s2 };
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
