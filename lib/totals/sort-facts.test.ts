import { describe, expect, it } from "vitest";
import { sortFacts, type GenerationFacts } from "./compute-generation-facts";

const empty: GenerationFacts = {
  people: 0,
  organizations: 0,
  networks: 0,
  states: 0,
  enrolled: 0,
  enrolledOrganizations: 0,
  sessionsHeld: 0,
  pendingSessions: 0,
  guests: 0,
  virtualSessions: 0,
  expected: 0,
  attended: 0,
  completed: 0,
  byNetwork: [],
  byState: [],
  byGender: [],
  byAgeRange: [],
  byOrganizationType: [],
  bySession: [],
  byModality: [],
};

describe("sortFacts", () => {
  it("orders ages youngest to oldest with the unknown last, and the other breakdowns by count", () => {
    const sorted = sortFacts({
      ...empty,
      byAgeRange: [
        { value: "UNKNOWN", count: 50 },
        { value: "AGE_60_PLUS", count: 1 },
        { value: "UNDER_18", count: 2 },
        { value: "AGE_30_44", count: 9 },
      ],
      byGender: [
        { value: "MAN", count: 3 },
        { value: "WOMAN", count: 7 },
      ],
    });
    expect(sorted.byAgeRange.map((row) => row.value)).toEqual(["UNDER_18", "AGE_30_44", "AGE_60_PLUS", "UNKNOWN"]);
    expect(sorted.byGender.map((row) => row.value)).toEqual(["WOMAN", "MAN"]);
  });
});
