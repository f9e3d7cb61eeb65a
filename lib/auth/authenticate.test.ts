import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { createTestUser, TEST_PASSWORD, uniqueEmail } from "@/tests/support/factories";
import { authenticate } from "./authenticate";
import { findActorBySessionId } from "./sessions";

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("authenticate", () => {
  it("opens a session for the right password, and the session resolves to the user", async () => {
    const user = await createTestUser({ grants: [{ role: "ADMIN" }] });
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(result.userId).toBe(user.id);
    const actor = await findActorBySessionId(result.sessionId);
    expect(actor?.userId).toBe(user.id);
    expect(actor?.grants).toEqual([{ role: "ADMIN", programId: null, networkId: null }]);
  });

  it("ignores the case and surrounding spaces of the email", async () => {
    const user = await createTestUser();
    const result = await authenticate({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, ip: "10.0.0.2" });
    expect(result.userId).toBe(user.id);
  });

  it("refuses a wrong password and an unknown email with the same error", async () => {
    const user = await createTestUser();
    const wrongPassword = await failureOf(authenticate({ email: user.email, password: "not the password", ip: "10.0.0.3" }));
    const unknownEmail = await failureOf(authenticate({ email: uniqueEmail("nobody"), password: TEST_PASSWORD, ip: "10.0.0.3" }));
    expect(wrongPassword.code).toBe("INVALID_CREDENTIALS");
    expect(unknownEmail.code).toBe("INVALID_CREDENTIALS");
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const error = await failureOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.4" }));
    expect(error.code).toBe("INVALID_CREDENTIALS");
  });

  it("locks an account for an address after 5 failures: the 6th try is refused even with the right password", async () => {
    const user = await createTestUser();
    const ip = "10.0.0.5";
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await failureOf(authenticate({ email: user.email, password: "wrong", ip }))).code).toBe("INVALID_CREDENTIALS");
    }
    const locked = await failureOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip }));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(Number(locked.details?.retryAfterSeconds)).toBeGreaterThan(14 * 60);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);

    // The lock is for that account from that address: the owner elsewhere can still sign in.
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.0.0.99" })).resolves.toMatchObject({ userId: user.id });
  });

  it("locks an account tried from many addresses after 20 failures, whatever the address", async () => {
    const user = await createTestUser();
    for (let attempt = 1; attempt <= 20; attempt++)
      expect((await failureOf(authenticate({ email: user.email, password: "wrong", ip: `10.1.0.${attempt}` }))).code).toBe(
        "INVALID_CREDENTIALS",
      );
    expect((await failureOf(authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.1.1.1" }))).code).toBe("RATE_LIMITED");
  });

  it("locks an unknown email the same way, so the lock does not reveal which emails exist", async () => {
    const email = uniqueEmail("ghost");
    const ip = "10.0.0.6";
    for (let attempt = 1; attempt <= 5; attempt++) await failureOf(authenticate({ email, password: "wrong", ip }));
    expect((await failureOf(authenticate({ email, password: "wrong", ip }))).code).toBe("RATE_LIMITED");
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createTestUser();
    const ip = "10.0.0.7";
    for (let attempt = 1; attempt <= 4; attempt++) await failureOf(authenticate({ email: user.email, password: "wrong", ip }));
    await authenticate({ email: user.email, password: TEST_PASSWORD, ip });
    for (let attempt = 1; attempt <= 4; attempt++) await failureOf(authenticate({ email: user.email, password: "wrong", ip }));
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD, ip })).resolves.toMatchObject({ userId: user.id });
  });
});
