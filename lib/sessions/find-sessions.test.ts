import { describe, expect, it } from "vitest";
import { createGeneration, createNetwork, createSession, signedInActor } from "@/tests/support/factories";
import { findMySessions, findRecentSessions } from "./find-sessions";

describe("a facilitator's session lists", () => {
  it("put a session in progress under the next ones only, and an ended one under the recent ones only", async () => {
    const network = await createNetwork();
    const generation = await createGeneration({ networkIds: [network.id] });
    const actor = await signedInActor({ grants: [{ role: "FACILITATOR", programId: generation.programId }] });
    const now = new Date("2026-11-27T18:00:00Z");
    const hour = 60 * 60_000;
    const ended = await createSession(generation.id, { facilitatorIds: [actor.userId], startsAt: new Date(now.getTime() - 3 * hour) });
    const inProgress = await createSession(generation.id, { facilitatorIds: [actor.userId], startsAt: new Date(now.getTime() - hour) });
    const next = await createSession(generation.id, { facilitatorIds: [actor.userId], startsAt: new Date(now.getTime() + 24 * hour) });

    const upcoming = (await findMySessions({ actor, now })).map((session) => session.id);
    const recent = (await findRecentSessions({ actor, now })).map((session) => session.id);
    expect(upcoming).toEqual([inProgress.id, next.id]);
    expect(recent).toEqual([ended.id]);
  });
});
