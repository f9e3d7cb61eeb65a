import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DuplicatesFoundError } from "@/lib/registry/duplicates";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import { createGeneration, createNetwork, createOrganization, createPerson, signedInActor } from "@/tests/support/factories";
import { enrollPeople } from "./enroll-people";
import { registerParticipant } from "./register-participant";

let network: { id: string };
let generation: { id: string; programId: string };
let coordinator: Actor;

beforeAll(async () => {
  network = await createNetwork();
  generation = await createGeneration({ networkIds: [network.id] });
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
});

const newOrganization = (name: string) => ({ input: { name, type: "CIVIL_SOCIETY" as const, state: "SON" as const } });

describe("registerParticipant", () => {
  it("creates the person, the organization, the membership, the affiliation and the enrollment together", async () => {
    const before = (await getGenerationSummary({ actor: coordinator, generationId: generation.id })).enrolled;
    const result = await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { input: { givenNames: "Itzel", firstSurname: "Navarro", email: "itzel.navarro@example.test", phone: "662 555 0101" } },
      organization: newOrganization("Colectivo Nuevo Amanecer, A.C."),
      title: "Coordinación",
    });
    const enrollment = await db.enrollment.findUniqueOrThrow({
      where: { id: result.enrollmentId },
      include: { person: { include: { affiliations: true } }, organization: { include: { memberships: true } } },
    });
    expect(enrollment).toMatchObject({ status: "REGISTERED", source: "MANUAL", registeredById: coordinator.userId });
    expect(enrollment.person.affiliations).toEqual([
      expect.objectContaining({ organizationId: result.organizationId, title: "Coordinación" }),
    ]);
    expect(enrollment.organization.memberships).toEqual([expect.objectContaining({ networkId: network.id })]);
    // Enrolled now; counted among the people once they attend a held session.
    expect((await getGenerationSummary({ actor: coordinator, generationId: generation.id })).enrolled).toBe(before + 1);
  });

  it("warns about an existing email, and about the same name in the same organization, before writing anything", async () => {
    const org = await createOrganization({ networkIds: [network.id] });
    const existing = await createPerson({
      givenNames: "José María",
      firstSurname: "Pérez",
      email: "jm.perez@example.test",
      organizationId: org.id,
    });
    const people = await db.person.count();

    const byEmail = await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { input: { givenNames: "Otro", firstSurname: "Nombre", email: "jm.perez@example.test" }, allowSimilar: true },
      organization: { existingId: org.id },
    }).catch((error: unknown) => error);
    expect(byEmail).toBeInstanceOf(DuplicatesFoundError);
    // Another name with that email: not the same person, but the email is taken, so the warning names its owner.
    expect((byEmail as DuplicatesFoundError).duplicates.people).toEqual([
      expect.objectContaining({
        id: existing.id,
        name: "José María Pérez",
        emailTaken: true,
        inScope: true,
        reasons: expect.arrayContaining(["differentName"]),
      }),
    ]);

    const byName = await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { input: { givenNames: "jose maria", firstSurname: "PEREZ" } },
      organization: { existingId: org.id },
    }).catch((error: unknown) => error);
    expect((byName as DuplicatesFoundError).duplicates.people).toEqual([
      expect.objectContaining({ id: existing.id, confidence: "high", reasons: ["sameName", "sharedOrganization"], emailTaken: false }),
    ]);
    expect(await db.person.count()).toBe(people);

    // Choosing the existing record enrolls that person instead.
    const reused = await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { existingId: existing.id },
      organization: { existingId: org.id },
    });
    expect(reused.personId).toBe(existing.id);
  });

  it("warns about an organization whose name differs only by a legal suffix or accents", async () => {
    await createOrganization({ name: "Fundación Río Sonora" });
    const error = await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { input: { givenNames: "Lía", firstSurname: "Soto" } },
      organization: newOrganization("FUNDACION RIO SONORA, A.C."),
    }).catch((caught: unknown) => caught);
    expect((error as DuplicatesFoundError).duplicates.organizations).toEqual([
      expect.objectContaining({ name: "Fundación Río Sonora", reasons: expect.arrayContaining(["sameName"]) }),
    ]);
  });

  it("registers one person once when the same registration is sent 20 times at once (no email to tell them apart)", async () => {
    const organization = await createOrganization({ networkIds: [network.id] });
    const send = () =>
      registerParticipant({
        actor: coordinator,
        generationId: generation.id,
        networkId: network.id,
        person: { input: { givenNames: "Concurrencia", firstSurname: "Simultánea", secondSurname: "Paralela" } },
        organization: { existingId: organization.id },
      });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, send));
    expect(await db.person.count({ where: { givenNames: "Concurrencia", firstSurname: "Simultánea" } })).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    // Every other submission met the first one's person: the duplicates warning, never a crash.
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(DuplicatesFoundError);
  });

  it("rolls everything back when the person is already enrolled through that network", async () => {
    const org = await createOrganization({ networkIds: [network.id] });
    const person = await createPerson({ organizationId: org.id });
    await registerParticipant({
      actor: coordinator,
      generationId: generation.id,
      networkId: network.id,
      person: { existingId: person.id },
      organization: { existingId: org.id },
    });
    const organizations = await db.organization.count();
    await expect(
      registerParticipant({
        actor: coordinator,
        generationId: generation.id,
        networkId: network.id,
        person: { existingId: person.id },
        organization: newOrganization(`Organización Única ${Date.now()}`),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // The new organization created earlier in the same transaction is gone too.
    expect(await db.organization.count()).toBe(organizations);
  });
});

describe("enrollPeople", () => {
  it("enrolls several people of an organization at once and skips those already enrolled", async () => {
    const org = await createOrganization({ networkIds: [network.id] });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createPerson({ organizationId: org.id })));
    const ids = [a!.id, b!.id, c!.id];
    expect(
      await enrollPeople({
        actor: coordinator,
        organizationId: org.id,
        generationId: generation.id,
        networkId: network.id,
        personIds: ids,
      }),
    ).toEqual({
      created: 3,
      skipped: 0,
    });
    expect(
      await enrollPeople({
        actor: coordinator,
        organizationId: org.id,
        generationId: generation.id,
        networkId: network.id,
        personIds: ids,
      }),
    ).toEqual({
      created: 0,
      skipped: 3,
    });
  });

  it("writes nothing when one of the people does not belong to the organization", async () => {
    const org = await createOrganization({ networkIds: [network.id] });
    const member = await createPerson({ organizationId: org.id });
    const stranger = await createPerson();
    const before = await db.enrollment.count();
    await expect(
      enrollPeople({
        actor: coordinator,
        organizationId: org.id,
        generationId: generation.id,
        networkId: network.id,
        personIds: [member.id, stranger.id],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.enrollment.count()).toBe(before);
  });
});
