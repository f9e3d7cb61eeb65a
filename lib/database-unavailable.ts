/**
 * Whether an error means "the database is away or too busy right now" (down, restarting, out of
 * connections, a statement or lock over its time budget), as opposed to a bug or bad input. Such
 * errors answer 503 with Retry-After (JSON for the API) or a "try again in a moment" message,
 * never a bare 500. Checks the error, its cause and Prisma's driver-adapter details.
 */
const POSTGRES_CODES = new Set([
  "57014", // statement_timeout: canceling statement due to statement timeout
  "55P03", // lock_timeout
  "25P03", // idle_in_transaction_session_timeout
  "57P01", // admin shutdown (a restart)
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
  "53300", // too many connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "TooManyConnections", "ConnectionClosed"]);
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /ECONNREFUSED/,
  /ECONNRESET/,
  /Connection refused/i,
];

export const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const value = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof value.code === "string" && (POSTGRES_CODES.has(value.code) || PRISMA_CODES.has(value.code))) return true;
  if (typeof value.originalCode === "string" && POSTGRES_CODES.has(value.originalCode)) return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  if (typeof value.name === "string" && ADAPTER_KINDS.has(value.name)) return true;
  if (typeof value.message === "string" && MESSAGES.some((pattern) => pattern.test(value.message as string))) return true;
  return isDatabaseUnavailable(value.cause, depth + 1) || isDatabaseUnavailable(value.meta?.driverAdapterError, depth + 1);
}
