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
import { getGenerationSummary } from "./get-generation-summary";

/**
 * Hand-computed dataset, one held session for everyone and one cancelled one:
 *   N1 (Sonora): organizations A and C.   N2 (Chihuahua): organization B.
 *   p1 takes part through N1/A and through N2/B (two networks, two organizations), attended.
 *   p2 through N1/A, attended.  p3 through N1/C, attended but withdrew.
 *   p4 through N2/B, attended but the person record was deactivated.
 *   p5 through N2/B, enrolled but never attended (only "present" at the cancelled session).
 * Expected: 2 people (p1, p2), 2 organizations (A, B), 2 networks, 2 states; 3 enrolled.
 */
let generation: { id: string; programId: string };
let n1: { id: string; name: string };
let n2: { id: string; name: string };

beforeAll(async () => {
  [n1, n2] = await Promise.all([createNetwork("N1 Sonora"), createNetwork("N2 Chihuahua")]);
  generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  const [a, b, c] = await Promise.all([
    createOrganization({ networkIds: [n1.id], state: "SON" }),
    createOrganization({ networkIds: [n2.id], state: "CHH" }),
    createOrganization({ networkIds: [n1.id], state: "SON" }),
  ]);
  const [p1, p2, p3, p4, p5] = await Promise.all([createPerson(), createPerson(), createPerson(), createPerson(), createPerson()]);
  await enroll(p1.id, generation.id, n1.id, a.id);
  await enroll(p1.id, generation.id, n2.id, b.id);
  await enroll(p2.id, generation.id, n1.id, a.id);
  await enroll(p3.id, generation.id, n1.id, c.id, "WITHDRAWN");
  await enroll(p4.id, generation.id, n2.id, b.id);
  await enroll(p5.id, generation.id, n2.id, b.id);
  const held = await createSession(generation.id, { status: "HELD", modality: "IN_PERSON" });
  const cancelled = await createSession(generation.id, { status: "CANCELLED" });
  for (const person of [p1, p2, p3, p4]) await attend(held.id, person.id, person === p2 ? "LATE" : "PRESENT");
  await attend(held.id, p5.id, "ABSENT");
  await attend(cancelled.id, p5.id, "PRESENT");
  await db.person.update({ where: { id: p4.id }, data: { deactivatedAt: new Date() } });
});

describe("getGenerationSummary", () => {
  it("counts distinct people and organizations, by network and by state", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const summary = await getGenerationSummary({ actor: admin, generationId: generation.id });
    expect(summary).toMatchObject({ people: 2, organizations: 2, networks: 2, states: 2, enrolled: 3, rule: "attended-held-session" });
    // The held session expected p1, p2, p5 (p3 withdrew, p4 is deactivated): 2 of 3 came.
    expect(summary).toMatchObject({ sessionsHeld: 1, completed: 2 });
    expect(summary.attendanceRate).toBeCloseTo(2 / 3);
    expect(summary.byModality).toEqual([{ modality: "IN_PERSON", sessionsHeld: 1, attendanceRate: 2 / 3 }]);
    expect(summary.byNetwork).toEqual([
      { networkId: n1.id, name: "N1 Sonora", people: 2, organizations: 1, attendanceRate: 1 },
      { networkId: n2.id, name: "N2 Chihuahua", people: 1, organizations: 1, attendanceRate: 0.5 },
    ]);
    expect(summary.byState).toEqual([
      { state: "SON", people: 2, organizations: 1 },
      { state: "CHH", people: 1, organizations: 1 },
    ]);
  });

  it("lets a funder and a liaison of a participating network read it, but nobody outside", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: n2.id }] });
    expect((await getGenerationSummary({ actor: funder, generationId: generation.id })).people).toBe(2);
    expect((await getGenerationSummary({ actor: liaison, generationId: generation.id })).people).toBe(2);

    const otherProgram = await db.program.create({ data: { name: "Otro" } });
    const outsider = await signedInActor({ grants: [{ role: "COORDINATOR", programId: otherProgram.id }] });
    const nobody = await signedInActor();
    await expect(getGenerationSummary({ actor: outsider, generationId: generation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getGenerationSummary({ actor: nobody, generationId: generation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("changes as soon as the records change", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const org = await createOrganization({ networkIds: [n2.id], state: "BCN" });
    const person = await createPerson();
    const enrollment = await enroll(person.id, generation.id, n2.id, org.id);
    // Enrolled, but not yet counted: they have not attended a held session.
    expect(await getGenerationSummary({ actor: admin, generationId: generation.id })).toMatchObject({ people: 2, enrolled: 4 });
    const session = await createSession(generation.id, { status: "HELD" });
    await attend(session.id, person.id);
    expect(await getGenerationSummary({ actor: admin, generationId: generation.id })).toMatchObject({
      people: 3,
      organizations: 3,
      states: 3,
    });
    await db.enrollment.update({ where: { id: enrollment.id }, data: { status: "WITHDRAWN" } });
    expect(await getGenerationSummary({ actor: admin, generationId: generation.id })).toMatchObject({
      people: 2,
      organizations: 2,
      states: 2,
    });
  });
});

describe("small-cell suppression", () => {
  it("shows a funder <5 for breakdown cells of 1 to 4 people, and exact totals; coordinators see every number", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const forFunder = await getGenerationSummary({ actor: funder, generationId: generation.id });
    expect(forFunder.suppressed).toBe(true);
    expect(forFunder.people).toBeGreaterThan(0);
    expect(typeof forFunder.people).toBe("number");
    for (const row of [...forFunder.byNetwork, ...forFunder.byState]) {
      expect(row.people).toBe("<5");
      expect(row.organizations).toBe("<5");
    }
    const forCoordinator = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect(forCoordinator.suppressed).toBe(false);
    expect(forCoordinator.byNetwork.every((row) => typeof row.people === "number")).toBe(true);
  });
});
