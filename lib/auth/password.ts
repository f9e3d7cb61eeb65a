import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifying against a throwaway hash when the email is unknown makes a failed
 * sign-in take as long either way, so timing does not reveal who has an account.
 */
export function hashForUnknownUser() {
  dummyHash ??= hashPassword("tejido-unknown-user-placeholder");
  return dummyHash;
}
