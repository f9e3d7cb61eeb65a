import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import es from "@/lib/i18n/messages/es-MX.json";
import {
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";

// Only the request seams are replaced (who is signed in, translations, cache); the database is real.
let currentActor: Actor | null = null;
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => currentActor }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "es-MX", messages: es }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { markAllPresentAction, saveAttendanceMark, importReportAction } = await import("./actions");

const idle = { status: "idle" as const };
const form = (values: Record<string, string | File>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

let session: { id: string };
let generationId: string;
let person: { id: string };
let owner: Actor;

beforeAll(async () => {
  const network = await createNetwork();
  const generation = await createGeneration({ networkIds: [network.id] });
  const org = await createOrganization({ networkIds: [network.id] });
  person = await createPerson({ organizationId: org.id, email: "roster@example.test" });
  await enroll(person.id, generation.id, network.id, org.id);
  owner = await signedInActor({ grants: [{ role: "FACILITATOR", programId: generation.programId }] });
  session = await createSession(generation.id, { facilitatorIds: [owner.userId] });
  generationId = generation.id;
  currentActor = await signedInActor({ grants: [{ role: "FACILITATOR", programId: generation.programId }] });
});

describe("attendance actions posted by a facilitator of another session", () => {
  it("refuse a mark, a mark-all and a report, in Spanish, and write nothing", async () => {
    expect(
      await saveAttendanceMark({
        sessionId: session.id,
        personId: person.id,
        status: "PRESENT",
        minutes: null,
        note: null,
        expectedVersion: 0,
      }),
    ).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "No encontramos lo que buscas.",
    });
    expect(await markAllPresentAction(idle, form({ sessionId: session.id }))).toMatchObject({
      status: "error",
      message: "No encontramos lo que buscas.",
    });
    const report = new File(["Name,User Email,Duration (Minutes)\nX,roster@example.test,120\n"], "zoom.csv", { type: "text/csv" });
    expect(await importReportAction(idle, form({ sessionId: session.id, report }))).toMatchObject({ status: "error" });
    expect(await db.attendance.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("say how many people 'mark everyone present' marked, and that nothing changed when everyone had a mark", async () => {
    const mine = currentActor;
    currentActor = owner;
    try {
      const fresh = await createSession(generationId, { facilitatorIds: [owner.userId] });
      expect(await markAllPresentAction(idle, form({ sessionId: fresh.id }))).toMatchObject({
        status: "success",
        message: "Se marcó como presente a 1 persona que no tenía marca.",
      });
      expect(await markAllPresentAction(idle, form({ sessionId: fresh.id }))).toMatchObject({
        status: "success",
        message: "Nadie quedaba sin marca: no cambió nada.",
      });
    } finally {
      currentActor = mine;
    }
  });

  it("let the session's own facilitator save", async () => {
    const mine = currentActor;
    currentActor = owner;
    try {
      expect(
        await saveAttendanceMark({
          sessionId: session.id,
          personId: person.id,
          status: "LATE",
          minutes: 80,
          note: null,
          expectedVersion: 0,
        }),
      ).toMatchObject({
        ok: true,
        value: { status: "LATE", minutes: 80, version: 1 },
      });
      // A second save with the old version is refused and shows what is stored.
      expect(
        await saveAttendanceMark({
          sessionId: session.id,
          personId: person.id,
          status: "ABSENT",
          minutes: null,
          note: null,
          expectedVersion: 0,
        }),
      ).toMatchObject({
        ok: false,
        message: "Otra persona cambió este registro; se muestra el valor actual. Revísalo y vuelve a marcar si hace falta.",
        current: { status: "LATE", version: 1 },
      });
      // Input that is not a mark never reaches the data layer (the action client's schema).
      expect(
        await saveAttendanceMark({
          sessionId: session.id,
          personId: person.id,
          status: "ASLEEP" as never,
          minutes: null,
          note: null,
          expectedVersion: 0,
        }),
      ).toEqual({
        ok: false,
        code: "VALIDATION",
        message: "Revisa los campos marcados.",
      });
    } finally {
      currentActor = mine;
    }
  });
});
