import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium where present: nothing is downloaded, in CI or anywhere. */
function chromiumExecutable() {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) return process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

const launchOptions = {
  executablePath: chromiumExecutable(),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// scripts/e2e.ts starts the database and the production server (server.mjs), then runs Playwright with E2E_BASE_URL set.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: ".data/test-reports/e2e.json" }],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    locale: "es-MX",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // @pristine tests read the demo data before any other test changes it (another spec adds a 133rd person).
    { name: "pristine", use: { ...devices["Desktop Chrome"], launchOptions }, grep: /@pristine/ },
    // Tests tagged @phone also run on a phone-sized screen; @phone-only ones run only there.
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
      grepInvert: /@phone-only|@pristine/,
      dependencies: ["pristine"],
    },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/, grepInvert: /@pristine/, dependencies: ["pristine"] },
  ],
});
