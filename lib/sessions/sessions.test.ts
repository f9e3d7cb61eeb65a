import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { verifyParticipationFacts } from "@/lib/totals/verify-participation-facts";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import {
  createGeneration,
  createNetwork,
  createProgram,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { checkIn, openCheckIn } from "./check-in";
import { getRoster, getSession } from "./get-session";
import { findLatestUnmatched, importMeetingReport } from "./import-meeting-report";
import { markAllPresent, recordAttendance, StaleAttendanceError } from "./record-attendance";
import { createSessions, switchFutureSessionsToVirtual } from "./schedule";
import { getPersonParticipation } from "./person-participation";
import { addWalkIn } from "./walk-in";

let n1: { id: string };
let n2: { id: string };
let generation: { id: string; programId: string };
let facilitator: Actor;
let otherFacilitator: Actor;
let coordinator: Actor;
let session: { id: string; workshopId: string };
const people: Record<string, { id: string }> = {};

beforeAll(async () => {
  [n1, n2] = await Promise.all([createNetwork(), createNetwork()]);
  generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  facilitator = await signedInActor({ grants: [{ role: "FACILITATOR", programId: generation.programId }] });
  otherFacilitator = await signedInActor({ grants: [{ role: "FACILITATOR", programId: generation.programId }] });
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
  const [org1, org2] = await Promise.all([createOrganization({ networkIds: [n1.id] }), createOrganization({ networkIds: [n2.id] })]);
  people.ana = await createPerson({
    givenNames: "Ana María",
    firstSurname: "López",
    email: "ana.lopez@example.test",
    organizationId: org1.id,
  });
  people.luis1 = await createPerson({ givenNames: "Luis", firstSurname: "Pérez", organizationId: org1.id });
  people.luis2 = await createPerson({ givenNames: "Luis", firstSurname: "Pérez", organizationId: org2.id });
  people.sara = await createPerson({ givenNames: "Sara", firstSurname: "Mendoza", email: "sara@example.test", organizationId: org2.id });
  await enroll(people.ana.id, generation.id, n1.id, org1.id);
  await enroll(people.luis1.id, generation.id, n1.id, org1.id);
  await enroll(people.luis2.id, generation.id, n2.id, org2.id);
  await enroll(people.sara.id, generation.id, n2.id, org2.id);
  // 2020-04-15 10:00–12:00 in Mexico City.
  session = await createSession(generation.id, {
    status: "HELD",
    facilitatorIds: [facilitator.userId],
    startsAt: new Date("2020-04-15T15:00:00Z"),
    minutes: 120,
  });
});

const report = `Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana López,ana.lopez@example.test,04/15/2020 10:00:00 AM,04/15/2020 10:40:00 AM,40,No
Ana López,ana.lopez@example.test,04/15/2020 10:38:00 AM,04/15/2020 11:50:00 AM,72,No
Luis Pérez,,04/15/2020 10:00:00 AM,04/15/2020 12:00:00 PM,120,Yes
Sara Mendoza,sara@example.test,04/15/2020 10:40:00 AM,04/15/2020 12:00:00 PM,80,No
Visitante,visita@example.test,04/15/2020 10:00:00 AM,04/15/2020 12:00:00 PM,120,Yes
`;

describe("meeting report import", () => {
  it("marks the roster from the report, leaves namesakes and guests for review, and a re-import changes nothing", async () => {
    const first = await importMeetingReport({ actor: facilitator, sessionId: session.id, fileName: "zoom.csv", content: report });
    expect(first).toMatchObject({ alreadyImported: false, matched: 2, markedAbsent: 2 });
    // What the roster's counter shows afterwards: the result message reports exactly these.
    expect(first.counts).toEqual({ PRESENT: 1, LATE: 1, EXCUSED: 0, ABSENT: 2, unmarked: 0 });
    expect(first.unmatched.map((row) => [row.name, row.reason])).toEqual([
      ["Luis Pérez", "ambiguous"],
      ["Visitante", "no-match"],
    ]);
    const marks = Object.fromEntries(
      (await db.attendance.findMany({ where: { sessionId: session.id }, select: { personId: true, status: true, minutes: true } })).map(
        (row) => [row.personId, row],
      ),
    );
    expect(marks[people.ana!.id]).toMatchObject({ status: "PRESENT", minutes: 110 });
    expect(marks[people.sara!.id]).toMatchObject({ status: "LATE", minutes: 80 });
    expect(marks[people.luis1!.id]).toMatchObject({ status: "ABSENT" });
    // The marks are written with the participation facts deferred, then brought up to date once: no drift.
    expect(await verifyParticipationFacts()).toEqual([]);

    const before = await db.attendance.findMany({ where: { sessionId: session.id }, orderBy: { personId: "asc" } });
    const again = await importMeetingReport({ actor: facilitator, sessionId: session.id, fileName: "zoom.csv", content: report });
    expect(again.alreadyImported).toBe(true);
    expect(again.counts).toEqual(first.counts);
    expect(await db.attendance.findMany({ where: { sessionId: session.id }, orderBy: { personId: "asc" } })).toEqual(before);
  });

  it("keeps a report's unmatched rows and the roster to whoever may read them, whatever the page checked", async () => {
    // The unmatched rows name people who are not on the roster: only whoever records the session reads them.
    expect((await findLatestUnmatched({ actor: facilitator, sessionId: session.id })).length).toBeGreaterThan(0);
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: n2.id }] });
    for (const actor of [otherFacilitator, liaison])
      await expect(findLatestUnmatched({ actor, sessionId: session.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    for (const actor of [otherFacilitator, funder])
      await expect(getRoster({ actor, sessionId: session.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a facilitator who does not facilitate the session, and writes nothing", async () => {
    const other = await createSession(generation.id, { status: "HELD", facilitatorIds: [facilitator.userId] });
    await expect(
      importMeetingReport({ actor: otherFacilitator, sessionId: other.id, fileName: "zoom.csv", content: report }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordAttendance({ actor: otherFacilitator, sessionId: other.id, personId: people.ana!.id, status: "PRESENT", expectedVersion: 0 }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getSession({ actor: otherFacilitator, sessionId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.attendance.count({ where: { sessionId: other.id } })).toBe(0);
  });
});

describe("recording attendance", () => {
  it("refuses a stale edit and returns the current value", async () => {
    const fresh = await createSession(generation.id, { status: "HELD", facilitatorIds: [facilitator.userId] });
    const saved = await recordAttendance({
      actor: facilitator,
      sessionId: fresh.id,
      personId: people.ana!.id,
      status: "PRESENT",
      expectedVersion: 0,
    });
    expect(saved.version).toBe(1);
    // A coordinator changes it on another device.
    await recordAttendance({
      actor: coordinator,
      sessionId: fresh.id,
      personId: people.ana!.id,
      status: "EXCUSED",
      note: "Avisó",
      expectedVersion: 1,
    });
    // The facilitator's screen still says version 1.
    const stale = await recordAttendance({
      actor: facilitator,
      sessionId: fresh.id,
      personId: people.ana!.id,
      status: "ABSENT",
      expectedVersion: 1,
    }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleAttendanceError);
    expect((stale as StaleAttendanceError).current).toMatchObject({ status: "EXCUSED", note: "Avisó", version: 2 });
    // Two first marks at once: the second is refused too.
    const conflict = await recordAttendance({
      actor: coordinator,
      sessionId: fresh.id,
      personId: people.ana!.id,
      status: "PRESENT",
      expectedVersion: 0,
    }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(StaleAttendanceError);
  });

  it("marks everyone without a mark present in one step, keeping existing marks", async () => {
    const fresh = await createSession(generation.id, { status: "HELD", facilitatorIds: [facilitator.userId] });
    await recordAttendance({ actor: facilitator, sessionId: fresh.id, personId: people.sara!.id, status: "EXCUSED", expectedVersion: 0 });
    expect(await markAllPresent({ actor: facilitator, sessionId: fresh.id })).toEqual({ marked: 3 });
    const roster = await getRoster({ actor: facilitator, sessionId: fresh.id });
    expect(roster.map((row) => row.attendance?.status).sort()).toEqual(["EXCUSED", "PRESENT", "PRESENT", "PRESENT"]);
  });

  it("shows a liaison only their network's part of the roster, read-only", async () => {
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: n2.id }] });
    const details = await getSession({ actor: liaison, sessionId: session.id });
    expect(details.canRecord).toBe(false);
    const roster = await getRoster({ actor: liaison, sessionId: session.id });
    expect(roster.map((row) => row.personId).sort()).toEqual([people.luis2!.id, people.sara!.id].sort());
    await expect(
      recordAttendance({ actor: liaison, sessionId: session.id, personId: people.sara!.id, status: "PRESENT", expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives a funder no attendance at all", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    await expect(getSession({ actor: funder, sessionId: session.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("enrolls a walk-in and marks them present, so they count in the totals", async () => {
    const fresh = await createSession(generation.id, { status: "HELD", facilitatorIds: [facilitator.userId] });
    const before = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    const { personId } = await addWalkIn({
      actor: facilitator,
      sessionId: fresh.id,
      networkId: n1.id,
      person: { input: { givenNames: "Rocío", firstSurname: "Campos", email: "rocio.campos@example.test" } },
      organization: { input: { name: `Colectivo Nuevo ${Date.now()}`, type: "COLLECTIVE", state: "SON" } },
    });
    expect(await db.attendance.findUnique({ where: { sessionId_personId: { sessionId: fresh.id, personId } } })).toMatchObject({
      status: "PRESENT",
    });
    const after = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect(after.people).toBe(before.people + 1);
    expect(after.enrolled).toBe(before.enrolled + 1);
  });
});

describe("self check-in", () => {
  it("marks present inside the window, late after the grace period, and refuses outside it or off the roster", async () => {
    const startsAt = new Date("2030-01-10T16:00:00Z");
    const open = await createSession(generation.id, { status: "PLANNED", facilitatorIds: [facilitator.userId], startsAt, minutes: 120 });
    const code = await openCheckIn({ actor: facilitator, sessionId: open.id });
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const minutes = (value: number) => new Date(startsAt.getTime() + value * 60_000);

    expect((await checkIn({ code, email: "ana.lopez@example.test", ip: "10.9.0.1", now: minutes(-60) })).outcome).toBe("not-open-yet");
    // Who was marked is said back (given names and an initial), so a mistyped but valid email shows up at once.
    expect(await checkIn({ code, email: "ANA.LOPEZ@example.test ", ip: "10.9.0.1", now: minutes(5) })).toEqual({
      outcome: "present",
      name: "Ana María L.",
    });
    expect((await checkIn({ code, email: "ana.lopez@example.test", ip: "10.9.0.1", now: minutes(6) })).outcome).toBe("already");
    expect((await checkIn({ code, email: "sara@example.test", ip: "10.9.0.1", now: minutes(40) })).outcome).toBe("late");
    expect((await checkIn({ code, email: "nadie@example.test", ip: "10.9.0.1", now: minutes(10) })).outcome).toBe("not-on-roster");
    expect((await checkIn({ code: code.toLowerCase(), email: "sara@example.test", ip: "10.9.0.1", now: minutes(121) })).outcome).toBe(
      "closed",
    );
    expect((await checkIn({ code: "ZZZZZZZZ", email: "sara@example.test", ip: "10.9.0.1", now: minutes(10) })).outcome).toBe(
      "unknown-code",
    );
  });

  it("is rate-limited per address", async () => {
    const results = [];
    for (let attempt = 0; attempt < 22; attempt++)
      results.push(await checkIn({ code: "NOPE0000", email: "x@example.test", ip: "10.9.9.9" }));
    expect(results.at(-1)).toEqual({ outcome: "rate-limited" });
  });
});

describe("scheduling", () => {
  it("creates a weekly series at the same local time across a daylight-saving change, and switches future sessions to virtual", async () => {
    const workshop = await db.workshop.create({
      data: { generationId: generation.id, title: "Serie", topic: "OTHER", order: 9 },
      select: { id: true },
    });
    const input = {
      startsAt: "2020-03-26T10:00",
      durationMinutes: 90,
      modality: "IN_PERSON" as const,
      place: undefined,
      meetingUrl: undefined,
      networkIds: [],
      facilitatorIds: [facilitator.userId],
      presentPercent: 50,
      lateAfterMinutes: 15,
    };
    await expect(createSessions({ actor: facilitator, workshopId: workshop.id, input, occurrences: 3 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const ids = await createSessions({ actor: coordinator, workshopId: workshop.id, input, occurrences: 3 });
    const sessions = await db.session.findMany({ where: { id: { in: ids } }, orderBy: { startsAt: "asc" } });
    // Mexico City moved to daylight time on 2020-04-05: 10:00 local is 16:00 UTC before, 15:00 UTC after.
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2020-03-26T16:00:00.000Z",
      "2020-04-02T16:00:00.000Z",
      "2020-04-09T15:00:00.000Z",
    ]);

    const { changed } = await switchFutureSessionsToVirtual({
      actor: coordinator,
      generationId: generation.id,
      now: new Date("2020-04-01T00:00:00Z"),
    });
    expect(changed).toBe(2);
    expect((await db.session.findMany({ where: { id: { in: ids } }, orderBy: { startsAt: "asc" } })).map((s) => s.modality)).toEqual([
      "IN_PERSON",
      "VIRTUAL",
      "VIRTUAL",
    ]);
  });
});

describe("a person's participation", () => {
  it("counts the held sessions meant for their networks and whether they completed", async () => {
    const network = await createNetwork();
    const other = await createNetwork();
    const generation = await createGeneration({ networkIds: [network.id, other.id] });
    await db.generation.update({ where: { id: generation.id }, data: { completionPercent: 60 } });
    const org = await createOrganization({ networkIds: [network.id] });
    const person = await createPerson({ organizationId: org.id });
    await enroll(person.id, generation.id, network.id, org.id);
    const forEveryone = await createSession(generation.id, { status: "HELD" });
    const forTheirs = await createSession(generation.id, { status: "HELD", networkIds: [network.id] });
    await createSession(generation.id, { status: "HELD", networkIds: [other.id] });
    await createSession(generation.id, { status: "PLANNED" });
    await db.attendance.createMany({
      data: [
        { sessionId: forEveryone.id, personId: person.id, status: "PRESENT" },
        { sessionId: forTheirs.id, personId: person.id, status: "ABSENT" },
      ],
    });
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const participation = () => getPersonParticipation({ actor: admin, personId: person.id });
    expect(await participation()).toEqual([expect.objectContaining({ held: 2, attended: 1, completed: false })]);
    await db.attendance.updateMany({ where: { sessionId: forTheirs.id, personId: person.id }, data: { status: "LATE" } });
    expect(await participation()).toEqual([expect.objectContaining({ held: 2, attended: 2, completed: true })]);
    // Scoped by the function itself, whatever the page checked: another network's liaison and another
    // program's coordinator see nothing of it, a funder is refused.
    const otherLiaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: other.id }] });
    expect(await getPersonParticipation({ actor: otherLiaison, personId: person.id })).toEqual([]);
    const otherCoordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: (await createProgram()).id }] });
    expect(await getPersonParticipation({ actor: otherCoordinator, personId: person.id })).toEqual([]);
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    await expect(getPersonParticipation({ actor: funder, personId: person.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
