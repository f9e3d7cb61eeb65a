import { describe, expect, it } from "vitest";
import { attendanceStats } from "./attendance-stats";

describe("attendanceStats", () => {
  // n1: ana, luis (luis also in n2).  n2: luis, sara.
  const memberships = [
    { personId: "ana", networkId: "n1" },
    { personId: "luis", networkId: "n1" },
    { personId: "luis", networkId: "n2" },
    { personId: "sara", networkId: "n2" },
  ];
  const heldSessions = [
    { id: "s1", modality: "IN_PERSON", networkIds: ["n1"] },
    { id: "s2", modality: "VIRTUAL", networkIds: ["n1", "n2"] },
    { id: "s3", modality: "VIRTUAL", networkIds: ["n2"] },
  ];
  const attended = [
    { sessionId: "s1", personId: "ana" },
    { sessionId: "s1", personId: "luis" },
    { sessionId: "s2", personId: "ana" },
    { sessionId: "s2", personId: "luis" },
    { sessionId: "s3", personId: "luis" },
  ];

  it("rates attendance over the people each held session expected", () => {
    const stats = attendanceStats({ heldSessions, memberships, attended, completionPercent: 75 });
    // s1 expects ana, luis (2/2); s2 expects all three (2/3); s3 expects luis, sara (1/2): 5 of 7.
    expect(stats.sessionsHeld).toBe(3);
    expect(stats.attendanceRate).toBeCloseTo(5 / 7);
    expect(stats.bySession.get("s2")).toEqual({ expected: 3, attended: 2 });
    expect(stats.byModality).toEqual([
      { modality: "IN_PERSON", sessionsHeld: 1, attendanceRate: 1 },
      { modality: "VIRTUAL", sessionsHeld: 2, attendanceRate: 3 / 5 },
    ]);
  });

  it("completes people who attended at least the rule's share of the sessions meant for them", () => {
    // ana 2/2, luis 3/3, sara 0/2.
    expect(attendanceStats({ heldSessions, memberships, attended, completionPercent: 75 }).completed).toBe(2);
    expect(attendanceStats({ heldSessions, memberships, attended: attended.slice(0, 3), completionPercent: 75 }).completed).toBe(1);
  });

  it("has no rate without held sessions", () => {
    expect(attendanceStats({ heldSessions: [], memberships, attended: [], completionPercent: 75 })).toMatchObject({
      sessionsHeld: 0,
      attendanceRate: null,
      completed: 0,
    });
  });
});
