import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { registerParticipant } from "@/lib/enrollments/register-participant";
import { findOrganizations } from "@/lib/organizations/find-organizations";
import { getOrganization } from "@/lib/organizations/get-organization";
import { setOrganizationActive } from "@/lib/organizations/save-organization";
import { findPeople } from "@/lib/people/find-people";
import { getPerson } from "@/lib/people/get-person";
import { setPersonActive, updatePerson } from "@/lib/people/save-person";
import { createGeneration, createNetwork, createOrganization, createPerson, enroll, signedInActor } from "@/tests/support/factories";

let mine: { id: string };
let theirs: { id: string };
let generation: { id: string; programId: string };
let myOrg: { id: string };
let theirOrg: { id: string };
let myPerson: { id: string };
let theirPerson: { id: string };
let liaison: Actor;

beforeAll(async () => {
  [mine, theirs] = await Promise.all([createNetwork(), createNetwork()]);
  generation = await createGeneration({ networkIds: [mine.id, theirs.id] });
  [myOrg, theirOrg] = await Promise.all([createOrganization({ networkIds: [mine.id] }), createOrganization({ networkIds: [theirs.id] })]);
  [myPerson, theirPerson] = await Promise.all([createPerson({ givenNames: "Mía" }), createPerson({ givenNames: "Ajena" })]);
  await enroll(myPerson.id, generation.id, mine.id, myOrg.id);
  await enroll(theirPerson.id, generation.id, theirs.id, theirOrg.id);
  liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: mine.id }] });
});

describe("a liaison works on their own network only", () => {
  it("lists and opens only their network's people and organizations", async () => {
    const people = await findPeople({ actor: liaison });
    expect(people.people.map((person) => person.id)).toEqual([myPerson.id]);
    expect((await findOrganizations({ actor: liaison })).organizations.map((org) => org.id)).toEqual([myOrg.id]);
    await expect(getPerson({ actor: liaison, personId: myPerson.id })).resolves.toMatchObject({ id: myPerson.id });
    await expect(getPerson({ actor: liaison, personId: theirPerson.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrganization({ actor: liaison, organizationId: theirOrg.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot change another network's records, and nothing changes", async () => {
    const input = { givenNames: "Cambiado", firstSurname: "Intruso" };
    await expect(updatePerson({ actor: liaison, personId: theirPerson.id, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setPersonActive({ actor: liaison, personId: theirPerson.id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setOrganizationActive({ actor: liaison, organizationId: theirOrg.id, active: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      registerParticipant({
        actor: liaison,
        generationId: generation.id,
        networkId: theirs.id,
        person: { input: { givenNames: "Nueva", firstSurname: "Persona" } },
        organization: { existingId: theirOrg.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const untouched = await db.person.findUniqueOrThrow({ where: { id: theirPerson.id } });
    expect(untouched).toMatchObject({ givenNames: "Ajena", deactivatedAt: null });
    expect(await db.person.count({ where: { givenNames: "Nueva" } })).toBe(0);
  });

  it("can register people through their own network", async () => {
    const result = await registerParticipant({
      actor: liaison,
      generationId: generation.id,
      networkId: mine.id,
      person: { input: { givenNames: "Nueva", firstSurname: "De Mi Red" } },
      organization: { existingId: myOrg.id },
    });
    await expect(getPerson({ actor: liaison, personId: result.personId })).resolves.toMatchObject({ givenNames: "Nueva" });
  });
});

describe("other roles", () => {
  it("a funder reads no people or organizations at all", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    await expect(findPeople({ actor: funder })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getPerson({ actor: funder, personId: myPerson.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findOrganizations({ actor: funder })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a coordinator sees the people of their program, not those of another program", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const otherGeneration = await createGeneration({ networkIds: [theirs.id] });
    const elsewhere = await createPerson({ givenNames: "OtroPrograma" });
    await enroll(elsewhere.id, otherGeneration.id, theirs.id, theirOrg.id);
    await expect(getPerson({ actor: coordinator, personId: theirPerson.id })).resolves.toBeTruthy();
    await expect(getPerson({ actor: coordinator, personId: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
