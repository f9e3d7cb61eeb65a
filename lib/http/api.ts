import "server-only";
import { findActorByApiToken } from "@/lib/api-tokens/api-tokens";
import { getActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/database-unavailable";
import { logger } from "@/lib/logger";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function apiError(code: AppErrorCode, retryAfterSeconds?: number) {
  const retryAfter = retryAfterSeconds ?? (code === "UNAVAILABLE" ? RETRY_AFTER_SECONDS : undefined);
  return Response.json(
    { error: { code } },
    { status: STATUS[code], headers: { "Cache-Control": "no-store", ...(retryAfter ? { "Retry-After": String(retryAfter) } : {}) } },
  );
}

/**
 * What a route answers for an error that escaped it: 503 with Retry-After while the database is away or
 * busy, the AppError's status, or a logged JSON 500; never an empty body.
 */
export function apiErrorFor(error: unknown) {
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: { message: (error as Error)?.message } }, "database unavailable");
    return apiError("UNAVAILABLE");
  }
  if (isAppError(error))
    return apiError(error.code, typeof error.details?.retryAfterSeconds === "number" ? error.details.retryAfterSeconds : undefined);
  logger.error({ err: error }, "api handler failed");
  return Response.json({ error: { code: "INTERNAL" } }, { status: 500, headers: { "Cache-Control": "no-store" } });
}

/** A bearer token when the request carries one (it must then be valid), else the session cookie. */
export async function actorFor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ? findActorByApiToken(match[1]) : null;
  }
  return getActor();
}

/** A JSON answer with another status than 200 (201 for something created). */
export function apiResponse(body: unknown, status: number) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The one way to write an authenticated JSON route: no valid session or token → 401; data-layer
 * AppErrors become their status (with the field, for a validation error); anything else is a
 * logged 500. A handler returns the body (200) or a Response of its own (apiResponse).
 */
export function withActor<Context>(handler: (request: Request, context: Context & { actor: Actor }) => Promise<unknown>) {
  return async (request: Request, context: Context) => {
    try {
      // Inside the try: finding the actor reads the database, which may be away.
      const actor = await actorFor(request);
      if (!actor) return apiError("UNAUTHENTICATED");
      const body = await handler(request, { ...context, actor });
      if (body instanceof Response) return body;
      return Response.json(body, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (isAppError(error) && error.code === "VALIDATION")
        return Response.json(
          { error: { code: error.code, field: error.details?.field, rows: error.details?.rows } },
          { status: STATUS.VALIDATION, headers: { "Cache-Control": "no-store" } },
        );
      return apiErrorFor(error);
    }
  };
}
