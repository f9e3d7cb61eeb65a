import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import es from "@/lib/i18n/messages/es-MX.json";
import { createGeneration, createNetwork, createOrganization, enroll, signedInActor } from "@/tests/support/factories";

// Only the request seams are replaced (who is signed in, translations, cache); the database is real.
let currentActor: Actor | null = null;
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => currentActor }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "es-MX", messages: es }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { mergePeopleAction, dismissDuplicateAction, undoMergeAction } = await import("./actions");

const idle = { status: "idle" as const };
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

async function twins() {
  const network = await createNetwork();
  const generation = await createGeneration({ networkIds: [network.id] });
  const organization = await createOrganization({ networkIds: [network.id] });
  const [first, second] = await Promise.all(
    [
      { givenNames: "Irene", firstSurname: "Valdés", secondSurname: "Ruiz" },
      { givenNames: "IRENE", firstSurname: "RUIZ", secondSurname: "VALDES" },
    ].map((name) => db.person.create({ data: name, select: { id: true } })),
  );
  await enroll(first!.id, generation.id, network.id, organization.id);
  await enroll(second!.id, generation.id, network.id, organization.id);
  return { generation, network, ids: [first!.id, second!.id] as const };
}

beforeEach(() => {
  currentActor = null;
});

describe("duplicate actions", () => {
  it("refuse liaisons and funders posting the forms directly, in Spanish, and change nothing", async () => {
    const { generation, network, ids } = await twins();
    for (const actor of [
      await signedInActor({ grants: [{ role: "LIAISON", networkId: network.id }] }),
      await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] }),
    ]) {
      currentActor = actor;
      const merge = await mergePeopleAction(idle, form({ firstId: ids[0], secondId: ids[1], keep: "first" }));
      expect(merge).toMatchObject({ status: "error", message: "No tienes permiso para hacer esto." });
      const dismiss = await dismissDuplicateAction(idle, form({ kind: "PERSON", firstId: ids[0], secondId: ids[1] }));
      expect(dismiss).toMatchObject({ status: "error", message: "No tienes permiso para hacer esto." });
    }
    expect(await db.person.count({ where: { id: { in: [...ids] } } })).toBe(2);
    expect(await db.duplicateDismissal.count({ where: { firstId: { in: [...ids] } } })).toBe(0);
  });

  it("let a coordinator merge from the form and undo from the entry, and refuse a coordinator of another program", async () => {
    const { generation, ids } = await twins();
    currentActor = await signedInActor({
      grants: [{ role: "COORDINATOR", programId: (await createGeneration({ networkIds: [] })).programId }],
    });
    const refused = await mergePeopleAction(idle, form({ firstId: ids[0], secondId: ids[1], keep: "first" }));
    expect(refused).toMatchObject({ status: "error", message: "No encontramos lo que buscas." });

    currentActor = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    // The second record's given names, written the first one's way: "field-givenNames" picks a side.
    await expect(
      mergePeopleAction(idle, form({ firstId: ids[0], secondId: ids[1], keep: "first", "field-givenNames": "second" })),
    ).rejects.toMatchObject({ digest: expect.stringContaining("/duplicates/merges/") });
    expect(await db.person.findUnique({ where: { id: ids[1] } })).toBeNull();
    expect((await db.person.findUniqueOrThrow({ where: { id: ids[0] } })).givenNames).toBe("IRENE");
    const merge = await db.recordMerge.findFirstOrThrow({ where: { survivorId: ids[0] } });

    expect(await undoMergeAction(idle, form({ mergeId: merge.id }))).toMatchObject({
      status: "success",
      message: "Fusión deshecha: los dos registros están como antes.",
    });
    expect(await db.person.count({ where: { id: { in: [...ids] } } })).toBe(2);
    expect(await undoMergeAction(idle, form({ mergeId: merge.id }))).toMatchObject({
      status: "error",
      message: "Esta fusión ya se deshizo.",
    });
  });
});
