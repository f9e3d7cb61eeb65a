import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { createApiToken, revokeApiToken, findApiTokens } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import { TEST_PASSWORD, createTestUser, signedInActor } from "@/tests/support/factories";

describe("the audit log", () => {
  it("records sign-ins (success and failure, with the address), lockouts and tokens, without the email typed", async () => {
    const user = await createTestUser();
    await authenticate({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.9" });
    for (let attempt = 0; attempt < 6; attempt++)
      await authenticate({ email: user.email, password: "mala", ip: "203.0.113.10" }).catch(() => {});
    const actor = await signedInActor();
    await createApiToken({ actor, name: "registro" });
    const [token] = await findApiTokens({ actor });
    await revokeApiToken({ actor, tokenId: token!.id });

    const events = await db.auditEvent.findMany({
      where: { createdAt: { gte: new Date(Date.now() - 60_000) } },
      orderBy: { createdAt: "asc" },
    });
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["auth.signed-in", "auth.sign-in-failed", "auth.locked-out", "api-token.created", "api-token.revoked"]),
    );
    expect(events.find((event) => event.action === "auth.signed-in")).toMatchObject({ actorId: user.id, data: { address: "203.0.113.9" } });
    expect(events.find((event) => event.action === "auth.sign-in-failed")).toMatchObject({
      actorId: null,
      data: { address: "203.0.113.10" },
    });
    // Personal values never go in: not the email, not the password typed.
    expect(JSON.stringify(events)).not.toContain(user.email);
    expect(JSON.stringify(events)).not.toContain("mala");
  });

  it("cannot be changed or removed, not even by the app's own connection", async () => {
    const event = await db.auditEvent.create({ data: { actorId: null, action: "test.append-only", targetType: "test", targetId: "1" } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "test.changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_events`).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toMatchObject({ action: "test.append-only" });
  });
});
