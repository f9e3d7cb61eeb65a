import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("logger", () => {
  it("redacts passwords, emails and tokens that slip into a log line", () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line: string) => void lines.push(line) });
    logger.level = "info";
    logger.info({ password: "hunter22", user: { email: "ana@example.org", password: "x" }, token: "abc123" }, "attempt");
    const line = lines.join("");
    expect(JSON.parse(line)).toMatchObject({ msg: "attempt", password: "[redacted]", user: { email: "[redacted]" } });
    expect(line).not.toContain("hunter22");
    expect(line).not.toContain("ana@example.org");
    expect(line).not.toContain("abc123");
  });
});
