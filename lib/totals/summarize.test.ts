import { describe, expect, it } from "vitest";
import { countsAsParticipant } from "./participation-rule";
import { summarize, type ParticipationRow } from "./summarize";

const row = (personId: string, organizationId: string, networkId: string, state: string): ParticipationRow => ({
  personId,
  organizationId,
  networkId,
  networkName: networkId.toUpperCase(),
  state,
});

describe("summarize", () => {
  it("counts a person in two networks and two organizations once in the totals", () => {
    const summary = summarize([row("ana", "org1", "n1", "SON"), row("ana", "org2", "n2", "CHH"), row("luis", "org1", "n1", "SON")]);
    expect(summary).toMatchObject({ people: 2, organizations: 2, networks: 2, states: 2 });
    expect(summary.byNetwork).toEqual([
      { networkId: "n1", name: "N1", people: 2, organizations: 1 },
      { networkId: "n2", name: "N2", people: 1, organizations: 1 },
    ]);
    expect(summary.byState).toEqual([
      { state: "SON", people: 2, organizations: 1 },
      { state: "CHH", people: 1, organizations: 1 },
    ]);
  });

  it("is all zeros without rows", () => {
    expect(summarize([])).toEqual({ people: 0, organizations: 0, networks: 0, states: 0, byNetwork: [], byState: [] });
  });
});

describe("participation rule", () => {
  const attended = { personActive: true, organizationActive: true, networkActive: true, heldSessionsAttended: 1 };
  it("counts people who attended a held session, unless they withdrew", () => {
    expect(countsAsParticipant({ status: "REGISTERED", ...attended })).toBe(true);
    expect(countsAsParticipant({ status: "COMPLETED", ...attended })).toBe(true);
    expect(countsAsParticipant({ status: "WITHDRAWN", ...attended })).toBe(false);
  });

  it("does not count someone enrolled who never attended", () => {
    expect(countsAsParticipant({ status: "ACTIVE", ...attended, heldSessionsAttended: 0 })).toBe(false);
  });

  it("does not count deactivated people or organizations", () => {
    expect(countsAsParticipant({ status: "ACTIVE", ...attended, personActive: false })).toBe(false);
    expect(countsAsParticipant({ status: "ACTIVE", ...attended, organizationActive: false })).toBe(false);
  });
});
