import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/account";
import { deactivateUser } from "@/lib/users/set-user-active";
import { createTestUser, signedInActor, TEST_PASSWORD } from "@/tests/support/factories";
import { authenticate } from "./authenticate";
import { createAuthSession, findActorBySessionId, revokeSession } from "./sessions";

describe("session revocation", () => {
  it("a revoked session (logout) no longer resolves to a user", async () => {
    const user = await createTestUser();
    const sessionId = await createAuthSession(user.id);
    expect(await findActorBySessionId(sessionId)).not.toBeNull();
    await revokeSession(sessionId);
    expect(await findActorBySessionId(sessionId)).toBeNull();
  });

  it("an expired session does not resolve", async () => {
    const user = await createTestUser();
    const sessionId = await createAuthSession(user.id);
    await db.authSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findActorBySessionId(sessionId)).toBeNull();
  });

  it("deactivating a user ends all their sessions on the next lookup", async () => {
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const user = await createTestUser();
    const phone = await createAuthSession(user.id);
    const laptop = await createAuthSession(user.id);
    await deactivateUser({ actor: admin, userId: user.id });
    expect(await findActorBySessionId(phone)).toBeNull();
    expect(await findActorBySessionId(laptop)).toBeNull();
  });

  it("a deactivated user's session stays dead even if its row survived", async () => {
    const user = await createTestUser();
    const sessionId = await createAuthSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await findActorBySessionId(sessionId)).toBeNull();
  });

  it("changing the password signs out other browsers and keeps the current one", async () => {
    const actor = await signedInActor();
    const otherBrowser = await createAuthSession(actor.userId);
    await changeOwnPassword({ actor, currentPassword: TEST_PASSWORD, newPassword: "a brand new secret" });
    expect(await findActorBySessionId(otherBrowser)).toBeNull();
    expect(await findActorBySessionId(actor.sessionId)).not.toBeNull();
    await expect(authenticate({ email: actor.email, password: "a brand new secret", ip: "10.1.0.1" })).resolves.toBeTruthy();
  });

  it("a wrong current password changes nothing", async () => {
    const actor = await signedInActor();
    const otherBrowser = await createAuthSession(actor.userId);
    await expect(changeOwnPassword({ actor, currentPassword: "wrong password", newPassword: "a brand new secret" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await findActorBySessionId(otherBrowser)).not.toBeNull();
    await expect(authenticate({ email: actor.email, password: TEST_PASSWORD, ip: "10.1.0.2" })).resolves.toBeTruthy();
  });
});
