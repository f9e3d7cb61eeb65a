import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import { createGeneration, createNetwork, createOrganization, enroll, signedInActor, createSession } from "@/tests/support/factories";
import { getGenerationDashboard } from "./get-generation-dashboard";

// A funder's view of one network: 20 women, 12 men and 2 non-binary people took part. Before, the gender
// breakdown read 20, 12 and "<5" under a total of 34, so the hidden cell was 2.
let generation: { id: string; programId: string };
let network: { id: string };

beforeAll(async () => {
  network = await createNetwork();
  const other = await createNetwork();
  generation = await createGeneration({ networkIds: [network.id, other.id] });
  const organization = await createOrganization({ networkIds: [network.id] });
  const session = await createSession(generation.id, { status: "HELD" });
  const genders = [...Array(20).fill("WOMAN"), ...Array(12).fill("MAN"), "NON_BINARY", "NON_BINARY"] as const;
  for (const [index, gender] of genders.entries()) {
    const person = await db.person.create({
      data: {
        givenNames: `Persona${index}`,
        firstSurname: "Suprimida",
        gender,
        affiliations: { create: { organizationId: organization.id } },
      },
    });
    await enroll(person.id, generation.id, network.id, organization.id);
    await db.attendance.create({ data: { sessionId: session.id, personId: person.id, status: "PRESENT" } });
  }
  // Three people in the other network: a view of them alone is fewer than 5.
  const small = await createOrganization({ networkIds: [other.id] });
  for (const index of [1, 2, 3]) {
    const person = await db.person.create({ data: { givenNames: `Pocas${index}`, firstSurname: "Personas", gender: "WOMAN" } });
    await enroll(person.id, generation.id, other.id, small.id);
    await db.attendance.create({ data: { sessionId: session.id, personId: person.id, status: "PRESENT" } });
  }
});

describe("what a funder sees", () => {
  it("hides a second cell wherever one small cell could be recovered by subtraction (dashboard filtered to a network)", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    const view = await getGenerationDashboard({ actor: funder, generationId: generation.id, filters: { networkId: network.id } });
    const byGender = Object.fromEntries(view.byGender.map((row) => [row.value, row.people]));
    expect(byGender).toMatchObject({ WOMAN: 20, MAN: "≥5", NON_BINARY: "<5" });
    // A coordinator sees the numbers.
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const full = await getGenerationDashboard({ actor: coordinator, generationId: generation.id, filters: { networkId: network.id } });
    expect(Object.fromEntries(full.byGender.map((row) => [row.value, row.people]))).toMatchObject({ WOMAN: 20, MAN: 12, NON_BINARY: 2 });
  });

  it("shows '<5' for every cell of a view of fewer than 5 people, and in the summary's network table", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    const other = (await db.generationNetwork.findMany({ where: { generationId: generation.id, networkId: { not: network.id } } }))[0]!;
    const view = await getGenerationDashboard({ actor: funder, generationId: generation.id, filters: { networkId: other.networkId } });
    expect(view.byGender.filter((row) => row.people !== 0).every((row) => row.people === "<5")).toBe(true);
    const summary = await getGenerationSummary({ actor: funder, generationId: generation.id });
    // 34 and 3 under 37: the 3 alone would be recovered, so both are hidden.
    expect(summary.byNetwork.map((row) => row.people).sort()).toEqual(["<5", "≥5"]);
  });
});
