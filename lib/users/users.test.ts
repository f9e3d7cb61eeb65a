import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { findActorBySessionId } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createNetwork, createProgram, createTestUser, signedInActor, uniqueEmail } from "@/tests/support/factories";
import { createUser } from "./create-user";
import { findUsers } from "./find-users";
import { getUser } from "./get-user";
import { assignGrant, revokeGrant } from "./grants";
import { acceptInvitation, createInvitation, findOpenInvitation } from "./invitations";
import { deactivateUser, reactivateUser } from "./set-user-active";

const admin = () => signedInActor({ grants: [{ role: "ADMIN" }] });

describe("user administration is for admins only", () => {
  it("refuses every user-management call from a coordinator and writes nothing", async () => {
    const program = await createProgram();
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: program.id }] });
    const target = await createTestUser();
    const before = await db.user.count();

    await expect(findUsers({ actor: coordinator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUser({ actor: coordinator, userId: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createUser({ actor: coordinator, email: uniqueEmail(), name: "X", locale: "es-MX" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(assignGrant({ actor: coordinator, userId: coordinator.userId, grant: { role: "ADMIN" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deactivateUser({ actor: coordinator, userId: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createInvitation({ actor: coordinator, userId: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await db.user.count()).toBe(before);
    expect(await db.grant.count({ where: { userId: coordinator.userId, role: "ADMIN" } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
  });
});

describe("creating and inviting users", () => {
  it("creates the user, their grant and a one-time invitation together", async () => {
    const actor = await admin();
    const program = await createProgram();
    const email = uniqueEmail("nueva");
    const { userId, invitationToken } = await createUser({
      actor,
      email,
      name: "Nueva Persona",
      locale: "en",
      grant: { role: "FUNDER", programId: program.id },
    });

    const user = await getUser({ actor, userId });
    expect(user).toMatchObject({ email, name: "Nueva Persona", locale: "en", hasPassword: false });
    expect(user).not.toHaveProperty("passwordHash");
    expect(user.grants).toEqual([expect.objectContaining({ role: "FUNDER", program: { id: program.id, name: program.name } })]);
    expect(await findOpenInvitation(invitationToken)).toEqual({ name: "Nueva Persona", email });

    await acceptInvitation({ token: invitationToken, password: "mi contraseña nueva" });
    await expect(authenticate({ email, password: "mi contraseña nueva", ip: "10.2.0.1" })).resolves.toMatchObject({ userId });
    // A link works once.
    expect(await findOpenInvitation(invitationToken)).toBeNull();
    await expect(acceptInvitation({ token: invitationToken, password: "otra contraseña más" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("writes nothing when the first grant is invalid", async () => {
    const actor = await admin();
    const email = uniqueEmail("partial");
    await expect(createUser({ actor, email, name: "Parcial", locale: "es-MX", grant: { role: "COORDINATOR" } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { field: "programId" },
    });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses a second user with the same email", async () => {
    const actor = await admin();
    const existing = await createTestUser();
    await expect(createUser({ actor, email: existing.email, name: "Otra", locale: "es-MX" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a new link replaces the previous one and resets the password when used", async () => {
    const actor = await admin();
    const user = await createTestUser();
    const first = await createInvitation({ actor, userId: user.id });
    const second = await createInvitation({ actor, userId: user.id });
    expect(await findOpenInvitation(first)).toBeNull();
    await acceptInvitation({ token: second, password: "reset password 123" });
    await expect(authenticate({ email: user.email, password: "reset password 123", ip: "10.2.0.2" })).resolves.toBeTruthy();
  });
});

describe("grants", () => {
  it("requires the scope that the role takes and refuses duplicates", async () => {
    const actor = await admin();
    const [program, network] = await Promise.all([createProgram(), createNetwork()]);
    const user = await createTestUser();

    await expect(assignGrant({ actor, userId: user.id, grant: { role: "LIAISON" } })).rejects.toMatchObject({
      details: { field: "networkId" },
    });
    await expect(assignGrant({ actor, userId: user.id, grant: { role: "FACILITATOR", programId: "missing" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await assignGrant({ actor, userId: user.id, grant: { role: "LIAISON", networkId: network.id, programId: program.id } });
    await expect(assignGrant({ actor, userId: user.id, grant: { role: "LIAISON", networkId: network.id } })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const grants = await db.grant.findMany({ where: { userId: user.id } });
    // The stray programId was dropped: a liaison grant is scoped to its network only.
    expect(grants).toEqual([expect.objectContaining({ role: "LIAISON", networkId: network.id, programId: null })]);
  });

  it("revokes a grant, but never an admin's own admin grant", async () => {
    const actor = await admin();
    const program = await createProgram();
    const user = await createTestUser({ grants: [{ role: "COORDINATOR", programId: program.id }] });
    const grant = await db.grant.findFirstOrThrow({ where: { userId: user.id } });
    await revokeGrant({ actor, userId: user.id, grantId: grant.id });
    expect(await db.grant.count({ where: { userId: user.id } })).toBe(0);

    const own = await db.grant.findFirstOrThrow({ where: { userId: actor.userId, role: "ADMIN" } });
    await expect(revokeGrant({ actor, userId: actor.userId, grantId: own.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the database itself refuses a grant whose scope does not match its role", async () => {
    const user = await createTestUser();
    await expect(db.grant.create({ data: { userId: user.id, role: "COORDINATOR" } })).rejects.toThrow();
  });
});

describe("deactivation", () => {
  it("deactivates and reactivates, and an admin cannot deactivate themselves", async () => {
    const actor = await admin();
    const user = await createTestUser();
    await deactivateUser({ actor, userId: user.id });
    expect((await getUser({ actor, userId: user.id })).deactivatedAt).toBeInstanceOf(Date);
    await reactivateUser({ actor, userId: user.id });
    expect((await getUser({ actor, userId: user.id })).deactivatedAt).toBeNull();
    await expect(deactivateUser({ actor, userId: actor.userId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await findActorBySessionId(actor.sessionId)).not.toBeNull();
  });

  it("answers NOT_FOUND for an unknown user id", async () => {
    const actor = await admin();
    await expect(getUser({ actor, userId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deactivateUser({ actor, userId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records who did what in the audit log", async () => {
    const actor = await admin();
    const user = await createTestUser();
    await deactivateUser({ actor, userId: user.id });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events).toEqual([expect.objectContaining({ actorId: actor.userId, action: "user.deactivated", targetType: "user" })]);
  });
});

describe("findUsers", () => {
  it("searches by name or email and filters by status", async () => {
    const actor = await admin();
    const marker = `zz${Date.now()}`;
    await createTestUser({ name: `Lucía ${marker}` });
    const gone = await createTestUser({ name: `Pedro ${marker}` });
    await deactivateUser({ actor, userId: gone.id });

    expect((await findUsers({ actor, query: marker })).total).toBe(2);
    expect((await findUsers({ actor, query: marker, status: "active" })).users.map((user) => user.name)).toEqual([`Lucía ${marker}`]);
    expect((await findUsers({ actor, query: marker, status: "deactivated" })).users.map((user) => user.name)).toEqual([`Pedro ${marker}`]);
  });
});
