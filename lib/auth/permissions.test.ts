import { describe, expect, it } from "vitest";
import { can, scopeOf, type Actor, type GrantScope } from "./permissions";

const actorWith = (...grants: GrantScope[]): Actor => ({
  userId: "u",
  sessionId: "s",
  email: "e@x.org",
  name: "n",
  locale: "es-MX",
  grants,
});
const program = (role: GrantScope["role"], programId: string): GrantScope => ({ role, programId, networkId: null });

describe("permissions", () => {
  it("a user without grants can do nothing anywhere", () => {
    const nobody = actorWith();
    expect(can(nobody, "read:program")).toBe(false);
    expect(can(nobody, "manage:users")).toBe(false);
    expect(scopeOf(nobody, "read:program")).toEqual({ all: false, programIds: [], networkIds: [] });
  });

  it("an admin can do everything everywhere", () => {
    const admin = actorWith({ role: "ADMIN", programId: null, networkId: null });
    expect(can(admin, "manage:users")).toBe(true);
    expect(can(admin, "read:personal-data", { programId: "any" })).toBe(true);
    expect(scopeOf(admin, "read:program")).toEqual({ all: true });
  });

  it("program roles act only in their own program", () => {
    const coordinator = actorWith(program("COORDINATOR", "p1"));
    expect(can(coordinator, "manage:registry", { programId: "p1" })).toBe(true);
    expect(can(coordinator, "manage:registry", { programId: "p2" })).toBe(false);
    expect(can(coordinator, "manage:users")).toBe(false);
  });

  it("a funder reads aggregates but never personal data", () => {
    const funder = actorWith(program("FUNDER", "p1"));
    expect(can(funder, "read:aggregates", { programId: "p1" })).toBe(true);
    expect(can(funder, "read:personal-data", { programId: "p1" })).toBe(false);
  });

  it("a facilitator records attendance only in sessions of their own", () => {
    const facilitator = actorWith(program("FACILITATOR", "p1"));
    expect(can(facilitator, "record:attendance:own", { programId: "p1" })).toBe(true);
    expect(can(facilitator, "record:attendance:any", { programId: "p1" })).toBe(false);
  });

  it("a liaison is scoped to one network", () => {
    const liaison = actorWith({ role: "LIAISON", programId: null, networkId: "n1" });
    expect(can(liaison, "manage:registry", { networkId: "n1" })).toBe(true);
    expect(can(liaison, "manage:registry", { networkId: "n2" })).toBe(false);
    expect(scopeOf(liaison, "manage:registry")).toEqual({ all: false, programIds: [], networkIds: ["n1"] });
  });

  it("grants in several programs add up", () => {
    const both = actorWith(program("FUNDER", "p1"), program("COORDINATOR", "p2"));
    expect(scopeOf(both, "read:program")).toEqual({ all: false, programIds: ["p1", "p2"], networkIds: [] });
    expect(scopeOf(both, "manage:registry")).toEqual({ all: false, programIds: ["p2"], networkIds: [] });
  });
});

describe("attendance permissions", () => {
  it("coordinators and facilitators read attendance and aggregates in their program; funders only aggregates", () => {
    const coordinator = actorWith(program("COORDINATOR", "p1"));
    const facilitator = actorWith(program("FACILITATOR", "p1"));
    const funder = actorWith(program("FUNDER", "p1"));
    for (const actor of [coordinator, facilitator]) {
      expect(can(actor, "read:attendance", { programId: "p1" })).toBe(true);
      expect(can(actor, "read:aggregates", { programId: "p1" })).toBe(true);
    }
    expect(can(funder, "read:aggregates", { programId: "p1" })).toBe(true);
    expect(can(funder, "read:attendance", { programId: "p1" })).toBe(false);
  });
});
