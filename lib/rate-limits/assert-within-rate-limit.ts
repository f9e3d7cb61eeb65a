import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * What one user may do per window, whatever the entry point (page, form, API): generous for real work,
 * a wall for a script gone wrong or a stolen token. Counted in PostgreSQL (rate-limiter-flexible's
 * Prisma store), so every app instance shares the same counts.
 */
export const RATE_LIMITS = {
  /** Personal API tokens created. */
  "api-token": { points: 10, seconds: 60 * 60 },
  /** Exports (CSV, XLSX) started. */
  export: { points: 30, seconds: 10 * 60 },
  /** Files uploaded: participants spreadsheets and meeting reports. */
  upload: { points: 30, seconds: 10 * 60 },
  /** Invitation links issued (new users and new links). */
  invitation: { points: 50, seconds: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const limiters = new Map<RateLimitName, RateLimiterPrisma>();
const limiterFor = (name: RateLimitName) => {
  let limiter = limiters.get(name);
  if (!limiter) {
    const { points, seconds } = RATE_LIMITS[name];
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: `user:${name}`,
      points,
      duration: seconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(name, limiter);
  }
  return limiter;
};

/**
 * Counts one use of `limit` by the actor; past the limit, RATE_LIMITED with the seconds to wait
 * (`retryAfterSeconds`: the API's 429 carries it as Retry-After).
 */
export async function assertWithinRateLimit(options: { actor: Actor; limit: RateLimitName }) {
  try {
    await limiterFor(options.limit).consume(options.actor.userId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new AppError("RATE_LIMITED", `Rate limit ${options.limit}`, {
      retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      limit: options.limit,
    });
  }
}
