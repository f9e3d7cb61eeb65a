import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { emailField, personNameField } from "./fields";

describe("field schemas", () => {
  it("normalises emails and rejects malformed ones with a catalog key", () => {
    expect(emailField.parse("  Ana.Lopez@Example.ORG ")).toBe("ana.lopez@example.org");
    const result = emailField.safeParse("ana@");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation.email");
  });

  it("collapses spaces in names and refuses blank ones", () => {
    expect(personNameField.parse("  María   José  Pérez ")).toBe("María José Pérez");
    expect(personNameField.safeParse("   ").error?.issues[0]?.message).toBe("validation.required");
  });
});

describe("safeRedirectPath", () => {
  it("keeps same-site paths and refuses anything that leaves the site", () => {
    expect(safeRedirectPath("/admin/users?q=a")).toBe("/admin/users?q=a");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});
