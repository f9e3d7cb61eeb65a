import { describe, expect, it } from "vitest";
import { csvCell, neutralizeCell } from "./neutralize";

describe("export cells", () => {
  it("turns anything a spreadsheet would run into text", () => {
    for (const dangerous of ["=1+1", "+52 662 555 0101", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"])
      expect(neutralizeCell(dangerous)).toBe(`'${dangerous}`);
    expect(neutralizeCell("Fundación Río Sonora")).toBe("Fundación Río Sonora");
    expect(neutralizeCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks for CSV", () => {
    expect(csvCell('Casa "Esperanza", A.C.')).toBe('"Casa ""Esperanza"", A.C."');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});
