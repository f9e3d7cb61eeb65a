import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "tejido-demo-2020";
export const TEST_PASSWORD = "una contraseña de prueba";

type Role = "ADMIN" | "COORDINATOR" | "FACILITATOR" | "LIAISON" | "FUNDER";
type TestUser = { id: string; email: string; name: string; password: string };
export type CreateUser = (options?: { role?: Role; name?: string; networkId?: string }) => Promise<TestUser>;

const DEMO_PROGRAM_ID = "demo-program-fortalecimiento";
let passwordHash: Promise<string> | undefined;

/**
 * Each test creates the users it needs straight in the test database and
 * deletes them afterwards, so tests never depend on each other.
 */
export const test = base.extend<{ createUser: CreateUser; database: pg.Client }>({
  database: async ({}, use) => {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    await use(client);
    await client.end();
  },
  createUser: async ({ database }, use) => {
    const created: string[] = [];
    await use(async ({ role, name, networkId } = {}) => {
      passwordHash ??= hash(TEST_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      const id = `e2e_${randomBytes(8).toString("hex")}`;
      const email = `${id}@example.test`;
      const displayName = name ?? `Persona ${id.slice(-4)}`;
      await database.query(
        `INSERT INTO users (id, email, name, "passwordHash", locale, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'es-MX', now(), now())`,
        [id, email, displayName, await passwordHash],
      );
      if (role) {
        await database.query(`INSERT INTO grants (id, "userId", role, "programId", "networkId") VALUES ($1, $2, $3, $4, $5)`, [
          `${id}_grant`,
          id,
          role,
          role === "ADMIN" || role === "LIAISON" ? null : DEMO_PROGRAM_ID,
          role === "LIAISON" ? networkId : null,
        ]);
      }
      created.push(id);
      return { id, email, name: displayName, password: TEST_PASSWORD };
    });
    if (created.length) await database.query(`DELETE FROM users WHERE id = ANY($1)`, [created]);
  },
});

export { expect };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

export async function signInAndWait(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hola");
}

/**
 * GET through a Playwright request context on a fresh connection. Playwright's
 * API client (unlike a browser) does not retry a request whose reused
 * keep-alive socket was reset, which made these calls fail now and then.
 */
export function apiGet(request: APIRequestContext, url: string, options: { headers?: Record<string, string> } = {}) {
  return request.get(url, { ...options, headers: { ...options.headers, Connection: "close" } });
}
