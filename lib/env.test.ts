import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnvForTests } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("env", () => {
  it("explains a missing AUTH_SECRET in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => env()).toThrow(/AUTH_SECRET is missing.*openssl rand -base64 32/s);
  });

  it("explains a missing DATABASE_URL", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(() => env()).toThrow(/DATABASE_URL/);
  });

  it("uses a development secret outside production", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("AUTH_SECRET", "");
    expect(env().AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("accepts a production configuration", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(44));
    expect(env()).toMatchObject({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(44) });
  });
});
