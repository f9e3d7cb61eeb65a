import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // Leaving a field out of a row by destructuring (`{ total, ...row }`) is deliberate, not an unused variable.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
      // Only lib/ talks to the database: pages, components and routes go through the data layer.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "**/lib/db"], message: "Import a data-layer function from lib/<area>/ instead of the Prisma client." },
            {
              group: ["@/lib/generated/prisma/client", "**/generated/prisma/client"],
              message: "Only lib/db.ts creates the Prisma client.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests inspect the database directly to check what a call wrote.
    files: ["lib/**", "scripts/**", "tests/**", "e2e/**", "prisma/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Playwright fixtures receive a function named `use`; it is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
