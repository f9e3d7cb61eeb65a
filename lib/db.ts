import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { logger } from "./logger";

function createClient() {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_POOL_SIZE,
    // Fail fast when the database is down or every connection is busy (also the wait for a free one in the pool),
    // so health checks and pages answer instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement or a lock wait past its budget is cancelled (a table locked for minutes must not hold every
    // request and exhaust the pool); so is a transaction left idle. The long, known statements raise their own
    // budget for their transaction only (withStatementBudget): the totals, the matcher on a national file, an
    // import's commit. Errors they raise answer 503 with Retry-After (lib/database-unavailable.ts).
    statement_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS,
    lock_timeout: env().DATABASE_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 30_000,
  });
  // An idle connection killed by a database restart emits 'error'; unhandled, it would crash the app.
  // Only message and code: the error carries the whole pg client, which would flood the log.
  pool.on("error", (error: Error & { code?: string }) =>
    logger.warn({ err: { message: error.message, code: error.code } }, "database connection lost; the pool will reconnect"),
  );
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

const globalForPrisma = globalThis as unknown as { tejidoDb?: ReturnType<typeof createClient> };

function client(): PrismaClient {
  // Kept on globalThis so dev hot reloads and test module resets share one pool.
  globalForPrisma.tejidoDb ??= createClient();
  return globalForPrisma.tejidoDb.prisma;
}

/**
 * The one Prisma client. Only lib/ imports it. Created on first use, so that
 * `next build` can load modules without a database or its environment.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/** Closes the pool; for scripts and tests that must exit cleanly. */
export async function disconnectDb() {
  const instance = globalForPrisma.tejidoDb;
  globalForPrisma.tejidoDb = undefined;
  await instance?.prisma.$disconnect();
  await instance?.pool.end();
}

/** Raises this transaction's statement budget (SET LOCAL): for the few statements known to take longer. */
export async function withStatementBudget(tx: { $executeRaw: PrismaClient["$executeRaw"] }, milliseconds: number) {
  await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(milliseconds)}, true)`;
}

export type { Prisma } from "./generated/prisma/client";
