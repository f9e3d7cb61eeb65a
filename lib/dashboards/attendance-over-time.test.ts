import { describe, expect, it } from "vitest";
import { attendanceOverTime, MAX_SESSION_BARS } from "./attendance-over-time";

const session = (index: number, startsAt: string, modality: string, attended: number, expected = 10) => ({
  id: `s${index}`,
  startsAt: new Date(startsAt),
  modality,
  expected,
  attended,
});

describe("attendanceOverTime", () => {
  it("keeps one bar per session while they fit", () => {
    const result = attendanceOverTime([
      session(1, "2020-02-10T16:00:00Z", "IN_PERSON", 8),
      session(2, "2020-04-15T16:00:00Z", "VIRTUAL", 5),
    ]);
    expect(result.granularity).toBe("session");
    expect(result.buckets.map((b) => [b.modality, b.rate])).toEqual([
      ["IN_PERSON", 0.8],
      ["VIRTUAL", 0.5],
    ]);
  });

  it("groups into Monday-based weeks beyond the limit, weighting by expected people and marking mixed weeks", () => {
    const many = Array.from({ length: MAX_SESSION_BARS + 1 }, (_, index) =>
      // Monday 2024-01-08 and Wednesday 2024-01-10 fall in one week, Monday 2024-01-15 starts the next.
      session(index, index % 2 ? "2024-01-10T16:00:00Z" : "2024-01-08T16:00:00Z", "IN_PERSON", 5),
    );
    many.push(session(100, "2024-01-10T16:00:00Z", "VIRTUAL", 30, 30), session(101, "2024-01-15T16:00:00Z", "VIRTUAL", 1, 4));
    const result = attendanceOverTime(many);
    expect(result.granularity).toBe("week");
    expect(result.buckets).toHaveLength(2);
    const [first, second] = result.buckets;
    expect(first).toMatchObject({ modality: "MIXED", sessions: 62, startsAt: new Date("2024-01-08T00:00:00Z") });
    expect(first!.rate).toBeCloseTo((61 * 5 + 30) / (61 * 10 + 30));
    expect(second).toMatchObject({ modality: "VIRTUAL", sessions: 1, rate: 0.25 });
  });
});
