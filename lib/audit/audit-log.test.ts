import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { createApiToken, revokeApiToken, findApiTokens } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import { auditEventsDataset, findAuditEvents } from "./find-audit-events";
import { TEST_PASSWORD, createNetwork, createProgram, createTestUser, signedInActor } from "@/tests/support/factories";

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

  it("is read and exported by admins only, filtered by action family, user, record and day", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }], name: "Auditora Filtro" });
    const doer = await createTestUser({ name: "Persona Que Actúa" });
    const targetId = `audit-target-${Date.now()}`;
    await db.auditEvent.createMany({
      data: [
        { actorId: doer.id, action: "person.updated", targetType: "person", targetId, createdAt: new Date("2026-03-10T17:00:00Z") },
        { actorId: doer.id, action: "person.merged", targetType: "person", targetId, createdAt: new Date("2026-03-11T05:30:00Z") },
        { actorId: admin.userId, action: "person.updated", targetType: "person", targetId, createdAt: new Date("2026-03-10T18:00:00Z") },
        { actorId: doer.id, action: "personas.other", targetType: "person", targetId, createdAt: new Date("2026-03-10T18:00:00Z") },
      ],
    });

    // "person" is the family person.*, not any action that merely starts with the same letters.
    const family = await findAuditEvents({ actor: admin, filters: { action: "person", targetId } });
    expect(family.events.map((event) => event.action).sort()).toEqual(["person.merged", "person.updated", "person.updated"]);
    const byUser = await findAuditEvents({ actor: admin, filters: { user: doer.email.toUpperCase(), targetId } });
    expect(byUser.total).toBe(3);
    // 2026-03-11T05:30Z is still March 10 in Mexico City (UTC−6): days are read as people read them.
    const oneDay = await findAuditEvents({ actor: admin, filters: { targetId, from: "2026-03-10", to: "2026-03-10" } });
    expect(oneDay.total).toBe(4);
    const nextDay = await findAuditEvents({ actor: admin, filters: { targetId, from: "2026-03-11" } });
    expect(nextDay.total).toBe(0);
    // Newest first on the screen.
    expect(family.events[0]!.action).toBe("person.merged");

    const rows = [];
    const dataset = auditEventsDataset({ actor: admin, filters: { targetId, user: "Persona Que" }, labels: (key) => key });
    for await (const row of dataset.rows) rows.push(row);
    expect(await dataset.total()).toBe(3);
    expect(rows.map((row) => [row.action, row.userEmail])).toEqual([
      ["person.updated", doer.email],
      ["personas.other", doer.email],
      ["person.merged", doer.email],
    ]);

    const program = await createProgram();
    const network = await createNetwork();
    for (const role of ["COORDINATOR", "FUNDER", "LIAISON", "FACILITATOR"] as const) {
      const other = await signedInActor({
        grants: [role === "LIAISON" ? { role, networkId: network.id } : { role, programId: program.id }],
      });
      await expect(findAuditEvents({ actor: other, filters: {} }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(() => auditEventsDataset({ actor: other, filters: {}, labels: String }), role).toThrow(
        expect.objectContaining({ code: "FORBIDDEN" }),
      );
    }
  });
});
