import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { mergePeople } from "@/lib/dedupe/merge-people";
import { undoMerge } from "@/lib/dedupe/undo-merge";
import { createNetwork, createOrganization, createProgram, signedInActor } from "@/tests/support/factories";
import { readParticipationFacts } from "./read-participation-facts";
import { verifyParticipationFacts } from "./verify-participation-facts";

// The participation facts are kept by triggers (migration participation_facts) on every write that can move a total.
// Whatever the writes, the totals read from them must equal the totals statement's full pass over the records.

type World = { actor: Actor; programId: string; generationId: string; networks: string[]; organizations: string[]; sessions: string[] };
const STATUSES = ["PRESENT", "LATE", "EXCUSED", "ABSENT"] as const;
const JOINED = [null, "2026-02-01", "2026-03-15", "2026-05-01"] as const;

type Op =
  | { kind: "person" }
  | { kind: "enroll"; slot: number; network: number; organization: number; role: "PARTICIPANT" | "GUEST"; joined: number }
  | { kind: "withdraw" | "unwithdraw" | "unenroll"; slot: number; network: number }
  | { kind: "joined"; slot: number; network: number; joined: number }
  | { kind: "mark"; slot: number; session: number; status: number }
  | { kind: "unmark"; slot: number; session: number }
  | { kind: "sessionStatus"; session: number; status: "PLANNED" | "HELD" | "CANCELLED" }
  | { kind: "audience"; session: number; all: boolean; networks: boolean[] }
  | { kind: "reschedule"; session: number; month: number }
  | { kind: "activate"; what: "person" | "organization" | "network"; slot: number; active: boolean }
  | { kind: "gender"; slot: number; gender: "WOMAN" | "MAN" | null }
  | { kind: "orgState"; organization: number; state: "SON" | "CHH" }
  | { kind: "completion"; percent: number }
  | { kind: "generationNetwork"; add: boolean }
  | { kind: "merge"; slot: number; other: number }
  | { kind: "undoMerge" };

const slot = fc.nat(9);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("person" as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("enroll" as const),
      slot,
      network: fc.nat(2),
      organization: fc.nat(2),
      role: fc.constantFrom("PARTICIPANT" as const, "PARTICIPANT" as const, "GUEST" as const),
      joined: fc.nat(JOINED.length - 1),
    }),
  },
  fc.record({ kind: fc.constantFrom("withdraw" as const, "unwithdraw" as const, "unenroll" as const), slot, network: fc.nat(2) }),
  fc.record({ kind: fc.constant("joined" as const), slot, network: fc.nat(2), joined: fc.nat(JOINED.length - 1) }),
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("mark" as const), slot, session: fc.nat(3), status: fc.nat(3) }) },
  fc.record({ kind: fc.constant("unmark" as const), slot, session: fc.nat(3) }),
  fc.record({
    kind: fc.constant("sessionStatus" as const),
    session: fc.nat(3),
    status: fc.constantFrom("PLANNED" as const, "HELD" as const, "CANCELLED" as const),
  }),
  fc.record({
    kind: fc.constant("audience" as const),
    session: fc.nat(3),
    all: fc.boolean(),
    networks: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("reschedule" as const), session: fc.nat(3), month: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant("activate" as const),
    what: fc.constantFrom("person" as const, "organization" as const, "network" as const),
    slot,
    active: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("gender" as const), slot, gender: fc.constantFrom("WOMAN" as const, "MAN" as const, null) }),
  fc.record({ kind: fc.constant("orgState" as const), organization: fc.nat(2), state: fc.constantFrom("SON" as const, "CHH" as const) }),
  fc.record({ kind: fc.constant("completion" as const), percent: fc.constantFrom(50, 75, 100) }),
  fc.record({ kind: fc.constant("generationNetwork" as const), add: fc.boolean() }),
  fc.record({ kind: fc.constant("merge" as const), slot, other: slot }),
  fc.record({ kind: fc.constant("undoMerge" as const) }),
);

async function apply(world: World, people: string[], merges: string[], step: Op) {
  const person = (at: number) => (people.length ? people[at % people.length]! : undefined);
  const network = (at: number) => world.networks[at % world.networks.length]!;
  const session = (at: number) => world.sessions[at % world.sessions.length]!;
  switch (step.kind) {
    case "person": {
      const created = await db.person.create({ data: { givenNames: `Persona ${people.length}`, firstSurname: "Hechos", gender: "WOMAN" } });
      people.push(created.id);
      return;
    }
    case "enroll": {
      const id = person(step.slot);
      if (!id || !(await db.person.count({ where: { id } }))) return;
      await db.enrollment.createMany({
        data: [
          {
            personId: id,
            generationId: world.generationId,
            networkId: network(step.network),
            organizationId: world.organizations[step.organization]!,
            role: step.role,
            joinedOn: JOINED[step.joined] ? new Date(JOINED[step.joined]!) : null,
          },
        ],
        skipDuplicates: true,
      });
      return;
    }
    case "withdraw":
    case "unwithdraw": {
      const id = person(step.slot);
      if (id)
        await db.enrollment.updateMany({
          where: { personId: id, networkId: network(step.network) },
          data: { status: step.kind === "withdraw" ? "WITHDRAWN" : "ACTIVE" },
        });
      return;
    }
    case "unenroll": {
      const id = person(step.slot);
      if (id) await db.enrollment.deleteMany({ where: { personId: id, networkId: network(step.network) } });
      return;
    }
    case "joined": {
      const id = person(step.slot);
      const joined = JOINED[step.joined];
      if (id)
        await db.enrollment.updateMany({
          where: { personId: id, networkId: network(step.network) },
          data: { joinedOn: joined ? new Date(joined) : null },
        });
      return;
    }
    case "mark": {
      const id = person(step.slot);
      if (!id || !(await db.person.count({ where: { id } }))) return;
      const status = STATUSES[step.status]!;
      await db.attendance.upsert({
        where: { sessionId_personId: { sessionId: session(step.session), personId: id } },
        create: { sessionId: session(step.session), personId: id, status },
        update: { status, version: { increment: 1 } },
      });
      return;
    }
    case "unmark": {
      const id = person(step.slot);
      if (id) await db.attendance.deleteMany({ where: { sessionId: session(step.session), personId: id } });
      return;
    }
    case "sessionStatus":
      await db.session.update({ where: { id: session(step.session) }, data: { status: step.status } });
      return;
    case "audience": {
      const id = session(step.session);
      const chosen = world.networks.filter((_, at) => step.networks[at]);
      await db.$transaction([
        db.session.update({ where: { id }, data: { allNetworks: step.all } }),
        db.sessionNetwork.deleteMany({ where: { sessionId: id } }),
        db.sessionNetwork.createMany({ data: step.all ? [] : chosen.map((networkId) => ({ sessionId: id, networkId })) }),
      ]);
      return;
    }
    case "reschedule": {
      const startsAt = new Date(Date.UTC(2026, step.month, 10, 16));
      await db.session.update({
        where: { id: session(step.session) },
        data: { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      });
      return;
    }
    case "activate": {
      const deactivatedAt = step.active ? null : new Date();
      if (step.what === "person") {
        const id = person(step.slot);
        if (id) await db.person.updateMany({ where: { id }, data: { deactivatedAt } });
      } else if (step.what === "organization") {
        await db.organization.update({ where: { id: world.organizations[step.slot % 3]! }, data: { deactivatedAt } });
      } else await db.network.update({ where: { id: network(step.slot) }, data: { deactivatedAt } });
      return;
    }
    case "gender": {
      const id = person(step.slot);
      if (id) await db.person.updateMany({ where: { id }, data: { gender: step.gender } });
      return;
    }
    case "orgState":
      await db.organization.update({ where: { id: world.organizations[step.organization]! }, data: { state: step.state } });
      return;
    case "completion":
      await db.generation.update({ where: { id: world.generationId }, data: { completionPercent: step.percent } });
      return;
    case "generationNetwork":
      if (step.add)
        await db.generationNetwork.createMany({
          data: [{ generationId: world.generationId, networkId: world.networks[2]! }],
          skipDuplicates: true,
        });
      else await db.generationNetwork.deleteMany({ where: { generationId: world.generationId, networkId: world.networks[2]! } });
      return;
    case "merge": {
      const [survivorId, mergedId] = [person(step.slot), person(step.other)];
      if (!survivorId || !mergedId || survivorId === mergedId) return;
      if ((await db.person.count({ where: { id: { in: [survivorId, mergedId] }, deactivatedAt: null } })) < 2) return;
      merges.push((await mergePeople({ actor: world.actor, survivorId, mergedId, choices: {} })).mergeId);
      return;
    }
    case "undoMerge": {
      const mergeId = merges.pop();
      if (mergeId) await undoMerge({ actor: world.actor, mergeId }).catch(() => undefined);
      return;
    }
  }
}

describe("participation facts, kept by the database", () => {
  let world: World;

  beforeAll(async () => {
    const program = await createProgram();
    const networks = [(await createNetwork()).id, (await createNetwork()).id, (await createNetwork()).id];
    const organizations = [
      (await createOrganization({ networkIds: [networks[0]!], state: "SON" })).id,
      (await createOrganization({ networkIds: [networks[1]!], state: "CHH" })).id,
      (await createOrganization({ networkIds: [networks[0]!, networks[1]!], state: "BCN" })).id,
    ];
    const generation = await db.generation.create({
      data: {
        programId: program.id,
        number: 1,
        name: "Generación de hechos",
        status: "ACTIVE",
        networks: { create: [{ networkId: networks[0]! }, { networkId: networks[1]! }] },
        workshops: { create: [{ title: "Taller", topic: "KICKOFF", order: 1 }] },
      },
      include: { workshops: true },
    });
    const sessions = [];
    for (const [month, allNetworks, modality] of [
      [1, true, "IN_PERSON"],
      [2, false, "VIRTUAL"],
      [3, true, "VIRTUAL"],
      [4, false, "HYBRID"],
    ] as const) {
      const startsAt = new Date(Date.UTC(2026, month, 10, 16));
      const created = await db.session.create({
        data: {
          workshopId: generation.workshops[0]!.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          modality,
          status: "HELD",
          allNetworks,
          networks: allNetworks ? undefined : { create: [{ networkId: networks[month % 2]! }] },
        },
      });
      sessions.push(created.id);
    }
    world = {
      actor: await signedInActor({ grants: [{ role: "ADMIN" }] }),
      programId: program.id,
      generationId: generation.id,
      networks,
      organizations,
      sessions,
    };
  });

  it("equal the totals statement's full pass, unfiltered and per network, after every write of any sequence (marks, enrollments, sessions, audiences, activation, merges)", async () => {
    let steps = 0;
    let withParticipants = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 16 }), async (sequence) => {
        const people: string[] = [];
        const merges: string[] = [];
        // Each run starts from the same world: no people, sessions held for their first audience, everything active.
        await db.attendance.deleteMany({ where: { sessionId: { in: world.sessions } } });
        await db.enrollment.deleteMany({ where: { generationId: world.generationId } });
        await db.network.updateMany({ where: { id: { in: world.networks } }, data: { deactivatedAt: null } });
        await db.organization.updateMany({ where: { id: { in: world.organizations } }, data: { deactivatedAt: null } });
        // Four people enrolled (one through both networks), three of them at the first session: numbers to move.
        for (const [at, networks] of [[0], [1], [0, 1], [1]].entries()) {
          await apply(world, people, merges, { kind: "person" });
          for (const network of networks)
            await apply(world, people, merges, {
              kind: "enroll",
              slot: at,
              network,
              organization: network,
              role: "PARTICIPANT",
              joined: 0,
            });
          if (at < 3) await apply(world, people, merges, { kind: "mark", slot: at, session: 0, status: at });
        }
        for (const step of sequence) {
          await apply(world, people, merges, step);
          steps++;
          expect(await verifyParticipationFacts({ generationIds: [world.generationId] }), JSON.stringify(step)).toEqual([]);
          if ((await readParticipationFacts(world.generationId)).people > 0) withParticipants++;
        }
      }),
      // A fixed seed keeps CI repeatable; FACTS_SEED=… explores other sequences. The example is one such run that
      // found a difference: under a network filter a person is expected from the day they joined that network.
      {
        numRuns: 20,
        seed: Number(process.env.FACTS_SEED ?? 20261127),
        examples: [
          [
            [
              { kind: "mark", slot: 0, session: 0, status: 0 },
              { kind: "enroll", slot: 0, network: 0, organization: 0, role: "PARTICIPANT", joined: 0 },
              { kind: "undoMerge" },
              { kind: "enroll", slot: 3, network: 0, organization: 0, role: "PARTICIPANT", joined: 2 },
            ],
          ],
        ],
      },
    );
    expect(steps).toBeGreaterThan(100);
    // The runs did produce numbers to compare, not only empty totals.
    expect(withParticipants).toBeGreaterThan(20);
  }, 180_000);

  it("count sessions the same way for a few sessions (a mark) and for many (a rebuild, a bulk write)", async () => {
    // refresh_participation_session_counters looks sessions up one by one below 51 ids and groups people above:
    // the writes above only reach the first way. Counters broken on purpose, then recounted the second way.
    // Every session held for every network, with someone enrolled and marked: counters that are not zero.
    await db.session.updateMany({ where: { id: { in: world.sessions } }, data: { status: "HELD", allNetworks: true } });
    await db.network.updateMany({ where: { id: { in: world.networks } }, data: { deactivatedAt: null } });
    await db.organization.updateMany({ where: { id: { in: world.organizations } }, data: { deactivatedAt: null } });
    const person = await db.person.create({ data: { givenNames: "Cuenta", firstSurname: "Sesiones" } });
    await apply(world, [person.id], [], { kind: "enroll", slot: 0, network: 0, organization: 0, role: "PARTICIPANT", joined: 0 });
    for (const session of [0, 1]) await apply(world, [person.id], [], { kind: "mark", slot: 0, session, status: 0 });
    expect((await readParticipationFacts(world.generationId)).attended).toBeGreaterThan(0);
    await db.participationSession.updateMany({ where: { generationId: world.generationId }, data: { expected: -1, attended: -1 } });
    expect(await verifyParticipationFacts({ generationIds: [world.generationId] })).not.toEqual([]);
    const padded = [...world.sessions, ...Array.from({ length: 60 }, (_, index) => `absent-session-${index}`)];
    await db.$executeRaw`SELECT refresh_participation_session_counters(${padded}::text[])`;
    expect(await verifyParticipationFacts({ generationIds: [world.generationId] })).toEqual([]);
  });
});
