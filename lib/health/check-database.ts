import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

const TIMEOUT_MS = 3_000;

/** True when the database answers a trivial query in time. Never throws. */
export async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database health check timed out")), TIMEOUT_MS);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch (error) {
    logger.warn({ err: error }, "database health check failed");
    return false;
  } finally {
    clearTimeout(timer);
  }
}
