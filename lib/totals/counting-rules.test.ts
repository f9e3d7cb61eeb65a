import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getPersonParticipation } from "@/lib/sessions/person-participation";
import { addWalkIn } from "@/lib/sessions/walk-in";
import {
  attend,
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { getGenerationSummary } from "./get-generation-summary";

let generation: { id: string; programId: string };
let coordinator: Actor;
let network: { id: string };
let organization: { id: string };
let sessions: Array<{ id: string }>;

// Three held sessions in March, April and May; everyone below is enrolled through one network.
beforeAll(async () => {
  network = await createNetwork();
  generation = await createGeneration({ networkIds: [network.id] });
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
  organization = await createOrganization({ networkIds: [network.id] });
  sessions = [];
  for (const startsAt of ["2020-03-10T16:00:00Z", "2020-04-10T16:00:00Z", "2020-05-10T16:00:00Z"])
    sessions.push(await createSession(generation.id, { startsAt: new Date(startsAt) }));
});

const summary = () => getGenerationSummary({ actor: coordinator, generationId: generation.id });

describe("counting rules", () => {
  it("counts participants only; a guest marked at a session is shown apart", async () => {
    const [ana, guest] = await Promise.all([createPerson(), createPerson()]);
    await enroll(ana.id, generation.id, network.id, organization.id);
    await db.enrollment.create({
      data: { personId: guest.id, generationId: generation.id, networkId: network.id, organizationId: organization.id, role: "GUEST" },
    });
    for (const session of sessions) await attend(session.id, ana.id, "PRESENT");
    await attend(sessions[0]!.id, guest.id, "PRESENT");
    const totals = await summary();
    expect(totals).toMatchObject({ people: 1, enrolled: 1, guests: 1, attendanceRate: 1 });
  });

  it("leaves a held session without marks out of the rate, as attendance pending", async () => {
    const before = await summary();
    const pending = await createSession(generation.id, { startsAt: new Date("2020-06-10T16:00:00Z") });
    const after = await summary();
    expect(after.pendingSessions).toBe(1);
    expect(after.sessionsHeld).toBe(before.sessionsHeld + 1);
    expect(after.attendanceRate).toBe(before.attendanceRate);
    // Once marked, it counts like any other.
    const [ana] = await db.enrollment.findMany({ where: { generationId: generation.id, role: "PARTICIPANT" }, select: { personId: true } });
    await attend(pending.id, ana!.personId, "ABSENT");
    expect((await summary()).pendingSessions).toBe(0);
    expect((await summary()).attendanceRate).toBeLessThan(1);
    await db.session.delete({ where: { id: pending.id } });
  });

  it("expects a person only at sessions held on or after the day they joined, on their page and in the totals", async () => {
    const late = await createPerson();
    await db.enrollment.create({
      data: {
        personId: late.id,
        generationId: generation.id,
        networkId: network.id,
        organizationId: organization.id,
        joinedOn: new Date("2020-04-01"),
      },
    });
    await attend(sessions[1]!.id, late.id, "PRESENT");
    await attend(sessions[2]!.id, late.id, "PRESENT");
    const [participation] = await getPersonParticipation({ actor: coordinator, personId: late.id });
    expect(participation).toMatchObject({ held: 2, attended: 2, completed: true, role: "PARTICIPANT" });
    // Ana (3 of 3) and the late enrollee (2 of 2): every expected session attended.
    expect((await summary()).attendanceRate).toBe(1);
  });

  it("enrolls a walk-in as a guest from the convening foundation without a new organization, or as a participant from that session on", async () => {
    const convener = await createOrganization();
    await db.network.update({ where: { id: network.id }, data: { convenerOrganizationId: convener.id } });
    const organizations = await db.organization.count();
    const before = await summary();
    const staff = await addWalkIn({
      actor: coordinator,
      sessionId: sessions[2]!.id,
      networkId: network.id,
      person: { input: { givenNames: "Irma", firstSurname: "Staff" } },
      organization: "convener",
      role: "STAFF",
    });
    expect(await db.organization.count()).toBe(organizations);
    expect(
      await db.enrollment.findFirstOrThrow({ where: { personId: staff.personId }, select: { role: true, organizationId: true } }),
    ).toEqual({
      role: "STAFF",
      organizationId: convener.id,
    });
    const walkIn = await addWalkIn({
      actor: coordinator,
      sessionId: sessions[2]!.id,
      networkId: network.id,
      person: { input: { givenNames: "Olga", firstSurname: "Llegó Tarde" } },
      organization: { existingId: organization.id },
    });
    const [participation] = await getPersonParticipation({ actor: coordinator, personId: walkIn.personId });
    expect(participation).toMatchObject({ held: 1, attended: 1 });
    const after = await summary();
    expect(after).toMatchObject({ people: before.people + 1, guests: before.guests === "<5" ? "<5" : Number(before.guests) + 1 });
    await expect(
      addWalkIn({
        actor: coordinator,
        sessionId: sessions[2]!.id,
        networkId: network.id,
        person: { input: { givenNames: "Nadie", firstSurname: "Participante" } },
        organization: "convener",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
