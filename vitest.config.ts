import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests run the same modules in plain Node.
      "server-only": path.join(root, "tests", "support", "empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["app/**/*.test.ts", "components/**/*.test.{ts,tsx}", "lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/database-per-file.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", ["json", { outputFile: ".data/test-reports/vitest.json" }]],
  },
});
