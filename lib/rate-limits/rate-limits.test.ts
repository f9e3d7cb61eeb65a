import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import es from "@/lib/i18n/messages/es-MX.json";
import { createGeneration, createNetwork, signedInActor } from "@/tests/support/factories";
import { RATE_LIMITS } from "./assert-within-rate-limit";

vi.mock("@/lib/auth/actor", () => ({ getActor: async () => null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "es-MX", messages: es, namespace: namespace as never }),
}));

describe("rate limits per user", () => {
  it("refuse the 11th API token in an hour, say how long to wait, count across app instances, and leave other users alone", async () => {
    const actor = await signedInActor();
    for (let made = 0; made < RATE_LIMITS["api-token"].points; made++) await createApiToken({ actor, name: `t${made}` });
    const refused = await createApiToken({ actor, name: "one too many" }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", details: { limit: "api-token" } });
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(3500);

    // Another app instance (a fresh module, its own limiter objects) reads the same count from PostgreSQL.
    vi.resetModules();
    const elsewhere = await import("@/lib/api-tokens/api-tokens");
    await expect(elsewhere.createApiToken({ actor, name: "from another instance" })).rejects.toMatchObject({ code: "RATE_LIMITED" });

    const other = await signedInActor();
    await expect(createApiToken({ actor: other, name: "mine" })).resolves.toMatch(/^tej_/);
  });

  it("answer the 31st export in ten minutes with 429 and Retry-After, through the API", async () => {
    const network = await createNetwork();
    const generation = await createGeneration({ networkIds: [network.id] });
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const token = await createApiToken({ actor: coordinator, name: "exports" });
    const { GET } = await import("@/app/api/v1/exports/[dataset]/route");
    const exportPeople = () =>
      GET(new Request("http://localhost/api/v1/exports/people?format=csv", { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ dataset: "people" }),
      });
    for (let done = 0; done < RATE_LIMITS.export.points; done++) {
      const response = await exportPeople();
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await exportPeople();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(await refused.json()).toEqual({ error: { code: "RATE_LIMITED" } });
  });

  it("refuse the 31st upload in ten minutes (participants files and meeting reports share the count) and the 51st invitation in an hour", async () => {
    const { uploadParticipantImport } = await import("@/lib/imports/upload-participant-import");
    const { createInvitation } = await import("@/lib/users/invitations");
    const network = await createNetwork();
    const generation = await createGeneration({ networkIds: [network.id] });
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const upload = (index: number) =>
      uploadParticipantImport({
        actor: coordinator,
        generationId: generation.id,
        file: { name: `lista-${index}.csv`, bytes: new TextEncoder().encode(`Nombre,Apellido\nPersona,Número ${index}\n`) },
      });
    for (let index = 0; index < RATE_LIMITS.upload.points; index++) await upload(index);
    await expect(upload(99)).rejects.toMatchObject({ code: "RATE_LIMITED", details: { limit: "upload" } });

    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const invited = await signedInActor();
    for (let made = 0; made < RATE_LIMITS.invitation.points; made++) await createInvitation({ actor: admin, userId: invited.userId });
    await expect(createInvitation({ actor: admin, userId: invited.userId })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { limit: "invitation" },
    });
  });
});
