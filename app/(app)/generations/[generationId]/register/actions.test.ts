import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import es from "@/lib/i18n/messages/es-MX.json";
import { createGeneration, createNetwork, createOrganization, createPerson, enroll, signedInActor } from "@/tests/support/factories";

// Only the request seams are replaced (who is signed in, translations, cache); the database is real.
let currentActor: Actor | null = null;
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => currentActor }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "es-MX", messages: es }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { registerParticipantAction } = await import("./actions");
const { updatePersonAction, setPersonActiveAction } = await import("@/app/(app)/people/actions");

const idle = { status: "idle" as const };
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

let mine: { id: string };
let theirs: { id: string };
let generation: { id: string };
let theirOrg: { id: string };
let theirPerson: { id: string };

beforeAll(async () => {
  [mine, theirs] = await Promise.all([createNetwork(), createNetwork()]);
  generation = await createGeneration({ networkIds: [mine.id, theirs.id] });
  theirOrg = await createOrganization({ networkIds: [theirs.id] });
  theirPerson = await createPerson({ givenNames: "Ajena", organizationId: theirOrg.id });
  await enroll(theirPerson.id, generation.id, theirs.id, theirOrg.id);
});

beforeEach(async () => {
  currentActor = await signedInActor({ grants: [{ role: "LIAISON", networkId: mine.id }] });
});

describe("registry actions posted by a liaison about another network", () => {
  it("refuse a registration through another network and write nothing", async () => {
    const people = await db.person.count();
    const state = await registerParticipantAction(
      idle,
      form({
        generationId: generation.id,
        networkId: theirs.id,
        organizationId: theirOrg.id,
        p_givenNames: "Colada",
        p_firstSurname: "Por Formulario",
      }),
    );
    expect(state).toMatchObject({ status: "error", message: "No encontramos lo que buscas." });
    expect(await db.person.count()).toBe(people);
  });

  it("refuse editing or deactivating another network's person", async () => {
    expect(await updatePersonAction(idle, form({ personId: theirPerson.id, givenNames: "Cambiada", firstSurname: "X" }))).toMatchObject({
      status: "error",
    });
    expect(await setPersonActiveAction(idle, form({ personId: theirPerson.id, active: "false" }))).toMatchObject({ status: "error" });
    expect(await db.person.findUniqueOrThrow({ where: { id: theirPerson.id } })).toMatchObject({
      givenNames: "Ajena",
      deactivatedAt: null,
    });
  });

  it("record the day a late participant joined through their own network, and explain a day that does not exist", async () => {
    const fields = {
      generationId: generation.id,
      networkId: mine.id,
      organizationId: "__new__",
      p_givenNames: "Tardía",
      p_firstSurname: "Incorporada",
      o_name: "Colectivo de Llegada",
      o_type: "CIVIL_SOCIETY",
      o_state: "SON",
    };
    const wrong = await registerParticipantAction(idle, form({ ...fields, joinedOn: "2020-02-31" }));
    expect(wrong.fieldErrors).toMatchObject({ joinedOn: ["Escribe una fecha válida."] });
    const state = await registerParticipantAction(idle, form({ ...fields, joinedOn: "2020-05-14" }));
    expect(state).toMatchObject({ status: "success" });
    const enrollment = await db.enrollment.findFirstOrThrow({
      where: { personId: state.data!.personId, generationId: generation.id },
      select: { joinedOn: true, networkId: true },
    });
    expect(enrollment).toEqual({ joinedOn: new Date("2020-05-14T00:00:00Z"), networkId: mine.id });
  });

  it("answer a double click (the same submission sent twice at once, then once more later) with one registration", async () => {
    const fields = {
      generationId: generation.id,
      networkId: mine.id,
      organizationId: "__new__",
      p_givenNames: "Doble",
      p_firstSurname: "Clic",
      p_email: "doble.clic@example.test",
      o_name: "Colectivo del Doble Clic",
      o_type: "CIVIL_SOCIETY",
      o_state: "SON",
      _submission: "0123456789abcdef0123456789abcdef",
    };
    const [first, second] = await Promise.all([
      registerParticipantAction(idle, form(fields)),
      registerParticipantAction(idle, form(fields)),
    ]);
    const retry = await registerParticipantAction(idle, form(fields));
    expect(first).toMatchObject({ status: "success" });
    expect(second).toEqual(first);
    expect(retry).toEqual(first);
    expect(await db.person.count({ where: { email: "doble.clic@example.test" } })).toBe(1);
    expect(await db.organization.count({ where: { name: "Colectivo del Doble Clic" } })).toBe(1);
    // A new submission (a new id) of the same person is a new attempt, and meets the duplicates check.
    const again = await registerParticipantAction(idle, form({ ...fields, _submission: "fedcba9876543210fedcba9876543210" }));
    expect(again).toMatchObject({ status: "error" });
    expect(again.duplicates?.people?.[0]).toMatchObject({ emailTaken: true });
  });

  it("explain invalid person fields next to the prefixed field, in Spanish", async () => {
    const state = await registerParticipantAction(
      idle,
      form({
        generationId: generation.id,
        networkId: mine.id,
        organizationId: "__new__",
        p_givenNames: "",
        p_firstSurname: "Soto",
        p_phone: "12",
        o_name: "Org",
        o_type: "CIVIL_SOCIETY",
        o_state: "SON",
      }),
    );
    expect(state.fieldErrors).toMatchObject({
      p_givenNames: ["Este campo es obligatorio."],
      p_phone: ["Escribe un teléfono de 10 dígitos (puede incluir +52)."],
    });
  });
});
