import "server-only";
import { z } from "zod";

const DEVELOPMENT_SECRET = "tejido-development-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    // An empty variable counts as unset, as it does in most deployment tools.
    AUTH_SECRET: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().min(32, { message: "AUTH_SECRET must be at least 32 characters" }).optional(),
    ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
    // Budgets per statement and per lock wait (lib/db.ts); past them the request answers 503 with Retry-After.
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(10).default(5_000),
    // How many proxies in front of the app append to X-Forwarded-For (lib/auth/client-ip.ts). 0: none, trust no forwarded header.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  })
  .transform((values, context) => {
    if (!values.AUTH_SECRET && values.NODE_ENV === "production") {
      context.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "AUTH_SECRET is missing. Production needs a random secret shared by every app instance: generate one with `openssl rand -base64 32` and set it in the environment.",
      });
      return z.NEVER;
    }
    return { ...values, AUTH_SECRET: values.AUTH_SECRET ?? DEVELOPMENT_SECRET };
  });

export type Env = z.output<typeof schema>;

let cached: Env | undefined;

/** The validated environment, read once. Throws a readable message listing every problem. */
export function env(): Env {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}
