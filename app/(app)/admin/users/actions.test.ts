import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import es from "@/lib/i18n/messages/es-MX.json";
import { createProgram, createTestUser, signedInActor, uniqueEmail } from "@/tests/support/factories";

// Only the request seams are replaced (who is signed in, translations, cache); the database is real.
let currentActor: Actor | null = null;
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => currentActor }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => createTranslator({ locale: "es-MX", messages: es }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/http/origin", () => ({ requestOrigin: async () => "http://tejido.test" }));

const { createUserAction, deactivateUserAction, assignGrantAction } = await import("./actions");

const idle = { status: "idle" as const };
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

beforeEach(() => {
  currentActor = null;
});

describe("user administration actions", () => {
  it("send a request without a live session to the sign-in page", async () => {
    await expect(createUserAction(idle, form({ name: "X", email: uniqueEmail(), locale: "es-MX" }))).rejects.toMatchObject({
      digest: expect.stringContaining("/login"),
    });
  });

  it("refuse a coordinator posting the form directly, in Spanish, and write nothing", async () => {
    const program = await createProgram();
    currentActor = await signedInActor({ grants: [{ role: "COORDINATOR", programId: program.id }] });
    const email = uniqueEmail("intruso");
    const state = await createUserAction(idle, form({ name: "Intruso", email, locale: "es-MX", role: "ADMIN" }));
    expect(state).toMatchObject({ status: "error", message: "No tienes permiso para hacer esto." });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const target = await createTestUser();
    expect(await deactivateUserAction(idle, form({ userId: target.id }))).toMatchObject({ status: "error" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();

    expect(await assignGrantAction(idle, form({ userId: currentActor.userId, role: "ADMIN" }))).toMatchObject({ status: "error" });
    expect(await db.grant.count({ where: { userId: currentActor.userId, role: "ADMIN" } })).toBe(0);
  });

  it("explain invalid input per field in Spanish and keep what was typed", async () => {
    currentActor = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const state = await createUserAction(idle, form({ name: "Rosa Elena", email: "rosa@", locale: "es-MX" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.email).toEqual(["Escribe un correo válido, como nombre@ejemplo.org."]);
    expect(state.values).toMatchObject({ name: "Rosa Elena", email: "rosa@" });
  });

  it("point a missing scope at its field", async () => {
    currentActor = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const state = await createUserAction(idle, form({ name: "Sin Programa", email: uniqueEmail(), locale: "es-MX", role: "FUNDER" }));
    expect(state.fieldErrors?.programId).toEqual(["Elige un programa para este rol."]);
  });

  it("create the user for an admin and return the one-time link", async () => {
    currentActor = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const email = uniqueEmail("nueva");
    const state = await createUserAction(idle, form({ name: "Nueva", email: email.toUpperCase(), locale: "en" }));
    expect(state.status).toBe("success");
    expect(state.data?.invitationUrl).toMatch(/^http:\/\/tejido\.test\/invitation\/[\w-]{43}$/);
    expect(await db.user.findUnique({ where: { email }, select: { locale: true } })).toEqual({ locale: "en" });
  });
});
