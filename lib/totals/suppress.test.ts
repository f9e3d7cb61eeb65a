import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SMALL_CELL_LIMIT, suppressBreakdown } from "./suppress";

describe("suppressing a breakdown for funders", () => {
  it("hides a second cell when one small cell could be recovered by subtraction from the total", () => {
    // The review's case: a report filtered to one network read 34 = 20 + 12 + "<5", so the hidden cell was 2.
    expect(suppressBreakdown([20, 12, 2], { suppressed: true, total: 34 })).toEqual([20, "≥5", "<5"]);
    // Two hidden cells that add up to less than 5 would still give themselves away (1 + 1 = 2: both are 1).
    expect(suppressBreakdown([1, 1, 30, 40], { suppressed: true, total: 72 })).toEqual(["<5", "<5", "≥5", 40]);
    // Zeros reveal nobody and stay; nothing small, nothing hidden.
    expect(suppressBreakdown([0, 3, 40, 50], { suppressed: true, total: 93 })).toEqual([0, "<5", "≥5", 50]);
    expect(suppressBreakdown([10, 0, 25], { suppressed: true, total: 35 })).toEqual([10, 0, 25]);
  });

  it("hides every cell of a view of fewer than 5 people, and nothing for whoever may see the people", () => {
    expect(suppressBreakdown([3, 1, 0], { suppressed: true, total: 4 })).toEqual(["<5", "<5", 0]);
    expect(suppressBreakdown([20, 12, 2], { suppressed: false, total: 34 })).toEqual([20, 12, 2]);
  });

  it("never leaves a hidden cell derivable from the visible ones and the total (any breakdown)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), (values) => {
        const total = values.reduce((sum, value) => sum + value, 0);
        const shown = suppressBreakdown(values, { suppressed: true, total });
        const hidden = values.filter((_, index) => typeof shown[index] === "string");
        const nonZero = values.filter((value) => value > 0);
        // No small count is ever shown.
        expect(shown.some((cell) => typeof cell === "number" && cell > 0 && cell < SMALL_CELL_LIMIT)).toBe(false);
        if (!hidden.length || total < SMALL_CELL_LIMIT) return;
        // Subtraction gives only the hidden cells' sum: it names no single cell, and is not itself a small count.
        expect(hidden.length >= 2 || hidden.length === nonZero.length).toBe(true);
        expect(hidden.reduce((sum, value) => sum + value, 0) >= SMALL_CELL_LIMIT || hidden.length === nonZero.length).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
