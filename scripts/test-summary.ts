/** Prints one closing line for the whole `npm test` run: "N passed, N failed". */
import fs from "node:fs";
import path from "node:path";

const reports = path.join(import.meta.dirname, "..", ".data", "test-reports");
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(reports, name), "utf8"));

const vitest = read("vitest.json") as { numPassedTests: number; numFailedTests: number };
const e2e = read("e2e.json") as { stats: { expected: number; unexpected: number; flaky: number } };

const passed = vitest.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = vitest.numFailedTests + e2e.stats.unexpected;
console.log(`\nvitest: ${vitest.numPassedTests} passed · playwright: ${e2e.stats.expected} passed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
