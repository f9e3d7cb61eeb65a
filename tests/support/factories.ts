import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Actor, GrantScope } from "@/lib/auth/permissions";
import { createAuthSession, findActorBySessionId } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export const TEST_PASSWORD = "correct horse battery";

let cachedHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createTestUser(
  options: { grants?: Array<Partial<GrantScope> & Pick<GrantScope, "role">>; email?: string; name?: string } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(),
      name: options.name ?? "Test User",
      passwordHash: await cachedHash,
      grants: {
        create: (options.grants ?? []).map((grant) => ({
          role: grant.role,
          programId: grant.programId ?? null,
          networkId: grant.networkId ?? null,
        })),
      },
    },
    select: { id: true, email: true },
  });
}

/** A signed-in actor, resolved the same way a request resolves it. */
export async function signedInActor(options: Parameters<typeof createTestUser>[0] = {}): Promise<Actor> {
  const user = await createTestUser(options);
  const sessionId = await createAuthSession(user.id);
  const actor = await findActorBySessionId(sessionId);
  if (!actor) throw new Error("test actor could not be resolved");
  return actor;
}

export async function createProgram(name = `Program ${randomBytes(3).toString("hex")}`) {
  return db.program.create({ data: { name }, select: { id: true, name: true } });
}

export async function createNetwork(name = `Network ${randomBytes(3).toString("hex")}`) {
  return db.network.create({ data: { name }, select: { id: true, name: true } });
}
