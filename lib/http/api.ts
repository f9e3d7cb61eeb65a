import "server-only";
import { findActorByApiToken } from "@/lib/api-tokens/api-tokens";
import { getActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function apiError(code: AppErrorCode) {
  return Response.json({ error: { code } }, { status: STATUS[code], headers: { "Cache-Control": "no-store" } });
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
    const actor = await actorFor(request);
    if (!actor) return apiError("UNAUTHENTICATED");
    try {
      const body = await handler(request, { ...context, actor });
      if (body instanceof Response) return body;
      return Response.json(body, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (isAppError(error) && error.code === "VALIDATION")
        return Response.json(
          { error: { code: error.code, field: error.details?.field, rows: error.details?.rows } },
          { status: STATUS.VALIDATION, headers: { "Cache-Control": "no-store" } },
        );
      if (isAppError(error)) return apiError(error.code);
      logger.error({ err: error, userId: actor.userId }, "api request failed");
      return Response.json({ error: { code: "INTERNAL" } }, { status: 500 });
    }
  };
}
