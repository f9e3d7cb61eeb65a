import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";

describe("normalizeText", () => {
  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(normalizeText("  JOSÉ   María  Ñúñez-Güereca ")).toBe("jose maria nunez guereca");
  });
});
