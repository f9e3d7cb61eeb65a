import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { saveGeneration } from "@/lib/generations/save-generation";
import { updateNetwork } from "@/lib/networks/save-network";
import { updateOrganization } from "@/lib/organizations/save-organization";
import { updatePerson } from "@/lib/people/save-person";
import { saveProgram } from "@/lib/programs/save-program";
import { saveWorkshop, updateSession } from "@/lib/sessions/schedule";
import { createGeneration, createNetwork, createOrganization, createPerson, createSession, signedInActor } from "@/tests/support/factories";
import { versionOf } from "./record-version";

// Two people edit the same record from the same screen: the second save must not silently replace the first.
// Each case: read the version, save as the first editor, then save as the second with the version they were shown.

let admin: Actor;
let coordinator: Actor;
let generation: { id: string; programId: string };
let network: { id: string };

beforeAll(async () => {
  network = await createNetwork();
  generation = await createGeneration({ networkIds: [network.id] });
  admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
});

async function expectSecondEditRefused(options: {
  read: () => Promise<{ updatedAt: Date }>;
  save: (version: string, label: string) => Promise<unknown>;
  stored: () => Promise<unknown>;
}) {
  const shown = versionOf(await options.read());
  // updatedAt has millisecond precision: two saves in the same millisecond would share a version.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await options.save(shown, "Primera");
  const afterFirst = await options.stored();
  const refusal = await options.save(shown, "Segunda").catch((error: unknown) => error);
  expect(refusal).toMatchObject({
    code: "CONFLICT",
    details: { messageKey: "errors.staleRecord", messageValues: { stored: expect.stringContaining("Primera") } },
  });
  // Nothing of the second save was written, and the form gets the version now stored.
  expect(await options.stored()).toEqual(afterFirst);
  const current = versionOf(await options.read());
  expect((refusal as { details: { replaceValues: { version: string } } }).details.replaceValues.version).toBe(current);
  // Saving again with it replaces what is stored, knowingly.
  await options.save(current, "Segunda");
  expect(JSON.stringify(await options.stored())).toContain("Segunda");
}

describe("edits from two screens at once", () => {
  it("people", async () => {
    const person = await createPerson({ givenNames: "Original" });
    const row = () => db.person.findUniqueOrThrow({ where: { id: person.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        updatePerson({ actor: coordinator, personId: person.id, version, input: { givenNames: label, firstSurname: "Versión" } }),
      stored: async () => (await row()).givenNames,
    });
  });

  it("organizations", async () => {
    const organization = await createOrganization({ networkIds: [network.id] });
    const row = () => db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        updateOrganization({
          actor: coordinator,
          organizationId: organization.id,
          version,
          input: { name: `Colectivo ${label}`, type: "CIVIL_SOCIETY", state: "SON" },
        }),
      stored: async () => (await row()).name,
    });
  });

  it("networks", async () => {
    const row = () => db.network.findUniqueOrThrow({ where: { id: network.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        updateNetwork({
          actor: admin,
          networkId: network.id,
          version,
          input: { name: `Red ${label}`, shortName: undefined, states: ["SON"], convenerOrganizationId: undefined },
        }),
      stored: async () => (await row()).name,
    });
  });

  it("programs", async () => {
    const row = () => db.program.findUniqueOrThrow({ where: { id: generation.programId } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        saveProgram({ actor: admin, programId: generation.programId, version, input: { name: `Programa ${label}`, description: null } }),
      stored: async () => (await row()).name,
    });
  });

  it("generations", async () => {
    const row = () => db.generation.findUniqueOrThrow({ where: { id: generation.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        saveGeneration({
          actor: coordinator,
          programId: generation.programId,
          generationId: generation.id,
          version,
          input: { number: 1, name: `Generación ${label}`, status: "ACTIVE", networkIds: [network.id] },
        }),
      stored: async () => (await row()).name,
    });
  });

  it("workshops", async () => {
    const workshop = await db.workshop.create({ data: { generationId: generation.id, title: "Taller", topic: "ADVOCACY", order: 1 } });
    const row = () => db.workshop.findUniqueOrThrow({ where: { id: workshop.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        saveWorkshop({
          actor: coordinator,
          generationId: generation.id,
          workshopId: workshop.id,
          version,
          input: { title: `Taller ${label}`, topic: "ADVOCACY", order: 1, description: undefined },
        }),
      stored: async () => (await row()).title,
    });
  });

  it("sessions", async () => {
    const session = await createSession(generation.id, { status: "PLANNED" });
    const row = () => db.session.findUniqueOrThrow({ where: { id: session.id } });
    await expectSecondEditRefused({
      read: row,
      save: (version, label) =>
        updateSession({
          actor: coordinator,
          sessionId: session.id,
          version,
          input: {
            startsAt: "2020-05-06T10:00",
            durationMinutes: 120,
            modality: "IN_PERSON",
            place: `Sala ${label}`,
            meetingUrl: undefined,
            networkIds: [],
            facilitatorIds: [],
            presentPercent: 50,
            lateAfterMinutes: 15,
          },
        }),
      stored: async () => (await row()).place,
    });
  });
});
