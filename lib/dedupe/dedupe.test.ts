import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import {
  attend,
  createGeneration,
  createNetwork,
  createOrganization,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { dismissDuplicate } from "./dismiss-duplicate";
import { findDuplicateOrganizations, findDuplicatePeople, type PersonDuplicate } from "./find-duplicates";
import { getMerge } from "./find-merges";
import { mergeOrganizations } from "./merge-organizations";
import { mergePeople } from "./merge-people";
import { undoMerge } from "./undo-merge";

type PersonInput = {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string;
  email?: string;
  phone?: string;
  organizationId?: string;
};

function createPerson(input: PersonInput) {
  const { organizationId, ...person } = input;
  return db.person.create({
    data: {
      ...person,
      affiliations: organizationId ? { create: { organizationId } } : undefined,
    },
    select: { id: true },
  });
}

let generation: { id: string; programId: string };
let coordinator: Actor;
let n1: { id: string };
let o1: { id: string };
let o2: { id: string };
let people: Record<
  "ana" | "ma" | "luis" | "luisShort" | "gabriela" | "gabrielaTypo" | "juan" | "juanElsewhere" | "rosa" | "rosaColleague",
  { id: string }
>;
let sessions: { id: string }[];

beforeAll(async () => {
  const n2 = await createNetwork();
  n1 = await createNetwork();
  generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
  [o1, o2] = await Promise.all([createOrganization({ networkIds: [n1.id] }), createOrganization({ networkIds: [n2.id] })]);
  const o3 = await createOrganization({ networkIds: [n2.id], state: "CHH" });
  const entries = {
    ana: { givenNames: "María Ana", firstSurname: "López", secondSurname: "Pérez", phone: "+52 662 123 4567", organizationId: o1.id },
    // "Ma." for María, surnames swapped, the phone written another way.
    ma: { givenNames: "Ma. Ana", firstSurname: "Perez", secondSurname: "LOPEZ", phone: "662-123-45-67" },
    luis: { givenNames: "Luis", firstSurname: "Ortega", secondSurname: "Ruiz", email: "luis.ortega@gmail.com" },
    // No second surname; the same Gmail mailbox with a +tag and without the dot (Gmail ignores both).
    luisShort: { givenNames: "Luis", firstSurname: "Ortega", email: "luisortega+red@gmail.com" },
    gabriela: { givenNames: "Gabriela", firstSurname: "Moreno", secondSurname: "Soto", organizationId: o2.id },
    gabrielaTypo: { givenNames: "Gabriela", firstSurname: "Morenz", secondSurname: "Soto", organizationId: o2.id },
    juan: { givenNames: "Juan", firstSurname: "Pérez", secondSurname: "Gómez", organizationId: o1.id },
    juanElsewhere: { givenNames: "Juan", firstSurname: "Perez", secondSurname: "Gomez", organizationId: o3.id },
    // Colleagues who share given name and first surname: not the same person.
    rosa: { givenNames: "Rosa", firstSurname: "Díaz", secondSurname: "Soto", organizationId: o1.id },
    rosaColleague: { givenNames: "Rosa", firstSurname: "Díaz", secondSurname: "Núñez", organizationId: o1.id },
  } satisfies Record<string, PersonInput>;
  people = Object.fromEntries(
    await Promise.all(Object.entries(entries).map(async ([key, input]) => [key, await createPerson(input)])),
  ) as typeof people;
  await enroll(people.ana.id, generation.id, n1.id, o1.id);
  await enroll(people.ma.id, generation.id, n1.id, o1.id);
  sessions = await Promise.all([createSession(generation.id), createSession(generation.id), createSession(generation.id)]);
  await attend(sessions[0]!.id, people.ana.id, "PRESENT");
  await attend(sessions[1]!.id, people.ana.id, "ABSENT");
  await attend(sessions[1]!.id, people.ma.id, "PRESENT");
  await attend(sessions[2]!.id, people.ma.id, "PRESENT");
});

const pairOf = (pairs: PersonDuplicate[], a: { id: string }, b: { id: string }) =>
  pairs.find((pair) => [pair.first.id, pair.second.id].sort().join() === [a.id, b.id].sort().join());

describe("duplicate people", () => {
  it("finds each way the same person gets written, ranked with its reasons", async () => {
    const page = await findDuplicatePeople({ actor: coordinator });
    expect(pairOf(page.pairs, people.ana, people.ma)).toMatchObject({
      confidence: "high",
      reasons: ["sameName", "samePhone", "sharedOrganization"],
    });
    expect(pairOf(page.pairs, people.luis, people.luisShort)).toMatchObject({
      confidence: "high",
      reasons: ["missingSecondSurname", "sameEmail"],
    });
    const typo = pairOf(page.pairs, people.gabriela, people.gabrielaTypo);
    expect(typo).toMatchObject({ confidence: "high", reasons: ["similarName", "sharedOrganization"] });
    expect(typo!.similarity).toBeGreaterThan(0.5);
    expect(pairOf(page.pairs, people.juan, people.juanElsewhere)).toMatchObject({ confidence: "medium", reasons: ["sameName"] });
    expect(pairOf(page.pairs, people.rosa, people.rosaColleague)).toBeUndefined();
    const order = page.pairs.map((pair) => pair.confidence);
    expect(order).toEqual([...order].sort((a, b) => ["high", "medium", "low"].indexOf(a) - ["high", "medium", "low"].indexOf(b)));
    expect(page.byConfidence.high).toBeGreaterThanOrEqual(3);
  });

  it("remembers 'not a duplicate' for the pair in either order", async () => {
    await dismissDuplicate({ actor: coordinator, kind: "PERSON", ids: [people.juanElsewhere.id, people.juan.id] });
    await dismissDuplicate({ actor: coordinator, kind: "PERSON", ids: [people.juan.id, people.juanElsewhere.id] });
    const page = await findDuplicatePeople({ actor: coordinator });
    expect(pairOf(page.pairs, people.juan, people.juanElsewhere)).toBeUndefined();
    expect(pairOf(page.pairs, people.ana, people.ma)).toBeDefined();
  });

  it("is not open to liaisons, funders, or coordinators of another program", async () => {
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: n1.id }] });
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    for (const actor of [liaison, funder]) {
      await expect(findDuplicatePeople({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(mergePeople({ actor, survivorId: people.ana.id, mergedId: people.ma.id, choices: {} })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(dismissDuplicate({ actor, kind: "PERSON", ids: [people.ana.id, people.ma.id] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const other = await createGeneration({ networkIds: [n1.id] });
    const outsider = await signedInActor({ grants: [{ role: "COORDINATOR", programId: other.programId }] });
    expect(pairOf((await findDuplicatePeople({ actor: outsider })).pairs, people.ana, people.ma)).toBeUndefined();
    await expect(mergePeople({ actor: outsider, survivorId: people.ana.id, mergedId: people.ma.id, choices: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(dismissDuplicate({ actor: outsider, kind: "PERSON", ids: [people.ana.id, people.ma.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("merging two people", () => {
  it("moves enrollments and attendance to the survivor, keeps the stronger mark, and the totals count one person; undo restores all", async () => {
    const before = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect(before.people).toBe(2);
    expect(before.enrolled).toBe(2);

    const { mergeId } = await mergePeople({
      actor: coordinator,
      survivorId: people.ana.id,
      mergedId: people.ma.id,
      choices: { secondSurname: "survivor", phone: "merged" },
    });
    expect(await db.person.findUnique({ where: { id: people.ma.id } })).toBeNull();
    const survivor = await db.person.findUniqueOrThrow({
      where: { id: people.ana.id },
      include: { enrollments: true, attendance: { orderBy: { session: { createdAt: "asc" } } } },
    });
    expect(survivor.phone).toBe("662-123-45-67");
    expect(survivor.givenNames).toBe("María Ana");
    expect(survivor.enrollments).toHaveLength(1);
    const marks = Object.fromEntries(survivor.attendance.map((mark) => [mark.sessionId, mark.status]));
    // Present under one record and absent under the other: the person was there.
    expect(marks).toEqual({ [sessions[0]!.id]: "PRESENT", [sessions[1]!.id]: "PRESENT", [sessions[2]!.id]: "PRESENT" });

    const after = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect(after.people).toBe(1);
    expect(after.enrolled).toBe(1);
    expect(after.attendanceRate).toBe(1);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "person.merged", targetId: people.ana.id } });
    expect(audit.data).toMatchObject({ mergeId, mergedId: people.ma.id });
    expect(JSON.stringify(audit.data)).not.toContain("LOPEZ");
    const entry = await getMerge({ actor: coordinator, mergeId });
    expect(entry).toMatchObject({
      mergedName: "Ma. Ana Perez LOPEZ",
      changedFields: ["phone"],
      moved: { attendance: 2 },
      removed: { enrollments: 1, attendance: 1 },
    });

    await undoMerge({ actor: coordinator, mergeId });
    const restored = await db.person.findUniqueOrThrow({ where: { id: people.ma.id }, include: { enrollments: true, attendance: true } });
    expect(restored).toMatchObject({ givenNames: "Ma. Ana", phone: "662-123-45-67" });
    expect(restored.enrollments).toHaveLength(1);
    expect(restored.attendance.map((mark) => mark.sessionId).sort()).toEqual([sessions[1]!.id, sessions[2]!.id].sort());
    const ana = await db.person.findUniqueOrThrow({ where: { id: people.ana.id }, include: { attendance: true, enrollments: true } });
    expect(ana.phone).toBe("+52 662 123 4567");
    expect(Object.fromEntries(ana.attendance.map((mark) => [mark.sessionId, mark.status]))).toEqual({
      [sessions[0]!.id]: "PRESENT",
      [sessions[1]!.id]: "ABSENT",
    });
    expect(ana.enrollments).toHaveLength(1);
    const undone = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect({ people: undone.people, enrolled: undone.enrolled, attendanceRate: undone.attendanceRate }).toEqual({
      people: before.people,
      enrolled: before.enrolled,
      attendanceRate: before.attendanceRate,
    });
    await expect(undoMerge({ actor: coordinator, mergeId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { action: "person.merge-undone", targetId: people.ana.id } })).toBe(1);
  });

  it("lets the survivor take the other record's email (unique) and gives it back on undo", async () => {
    const { mergeId } = await mergePeople({
      actor: coordinator,
      survivorId: people.luis.id,
      mergedId: people.luisShort.id,
      choices: { email: "merged" },
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: people.luis.id } })).email).toBe("luisortega+red@gmail.com");
    await undoMerge({ actor: coordinator, mergeId });
    expect((await db.person.findUniqueOrThrow({ where: { id: people.luis.id } })).email).toBe("luis.ortega@gmail.com");
    expect((await db.person.findUniqueOrThrow({ where: { id: people.luisShort.id } })).email).toBe("luisortega+red@gmail.com");
  });

  it("refuses undo to a coordinator of another program", async () => {
    const { mergeId } = await mergePeople({
      actor: coordinator,
      survivorId: people.gabriela.id,
      mergedId: people.gabrielaTypo.id,
      choices: {},
    });
    const other = await createGeneration({ networkIds: [n1.id] });
    await enroll(people.gabriela.id, generation.id, n1.id, o2.id);
    const outsider = await signedInActor({ grants: [{ role: "COORDINATOR", programId: other.programId }] });
    await expect(undoMerge({ actor: outsider, mergeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMerge({ actor: outsider, mergeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a merge whose kept record was merged again", () => {
  it("waits for the later merge to be undone first, and stays hidden from whoever cannot see where the record went", async () => {
    const [a, b, c] = await Promise.all(
      ["Elena", "Elena", "Elena"].map((givenNames) => createPerson({ givenNames, firstSurname: "Quintana", secondSurname: "Solís" })),
    );
    await Promise.all([a, b, c].map((person) => enroll(person!.id, generation.id, n1.id, o1.id)));
    const first = await mergePeople({ actor: coordinator, survivorId: a!.id, mergedId: b!.id, choices: {} });
    const second = await mergePeople({ actor: coordinator, survivorId: c!.id, mergedId: a!.id, choices: {} });

    expect(await getMerge({ actor: coordinator, mergeId: first.mergeId })).toMatchObject({ survivorName: null });
    await expect(undoMerge({ actor: coordinator, mergeId: first.mergeId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "dedupe.undoRefused.survivorGone" },
    });
    const outsider = await signedInActor({
      grants: [{ role: "COORDINATOR", programId: (await createGeneration({ networkIds: [] })).programId }],
    });
    await expect(getMerge({ actor: outsider, mergeId: first.mergeId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await undoMerge({ actor: coordinator, mergeId: second.mergeId });
    await undoMerge({ actor: coordinator, mergeId: first.mergeId });
    expect(await db.person.count({ where: { id: { in: [a!.id, b!.id, c!.id] } } })).toBe(3);
    expect(await db.enrollment.count({ where: { personId: { in: [a!.id, b!.id, c!.id] } } })).toBe(3);
  });
});

describe("duplicate organizations", () => {
  it("finds the same organization written with and without particles and legal suffix, merges it and undoes the merge", async () => {
    const [n2] = await Promise.all([createNetwork()]);
    const gen = await createGeneration({ programId: generation.programId, networkIds: [n1.id, n2!.id], number: 2 });
    const main = await createOrganization({ networkIds: [n1.id, n2!.id], name: "Fundación Comunitaria de Sonora, A.C." });
    const copy = await createOrganization({ networkIds: [n2!.id], name: "FUNDACION COMUNITARIA SONORA" });
    const [p1, p2] = await Promise.all([
      createPerson({ givenNames: "Irma", firstSurname: "Salas", organizationId: main.id }),
      createPerson({ givenNames: "Teresa", firstSurname: "Vega", organizationId: copy.id }),
    ]);
    await enroll(p1.id, gen.id, n1.id, main.id);
    await enroll(p2.id, gen.id, n2!.id, copy.id);
    const before = await getGenerationSummary({ actor: coordinator, generationId: gen.id });
    expect(before.enrolledOrganizations).toBe(2);

    const page = await findDuplicateOrganizations({ actor: coordinator });
    const pair = page.pairs.find(
      (candidate) => [candidate.first.id, candidate.second.id].sort().join() === [main.id, copy.id].sort().join(),
    );
    expect(pair).toMatchObject({ confidence: "high", reasons: ["sameName", "sameState", "sharedNetwork"] });

    const { mergeId } = await mergeOrganizations({ actor: coordinator, survivorId: main.id, mergedId: copy.id, choices: {} });
    expect(await db.organization.findUnique({ where: { id: copy.id } })).toBeNull();
    expect(await db.networkMembership.count({ where: { organizationId: main.id } })).toBe(2);
    expect(await db.affiliation.count({ where: { organizationId: main.id } })).toBe(2);
    expect((await getGenerationSummary({ actor: coordinator, generationId: gen.id })).enrolledOrganizations).toBe(1);

    await undoMerge({ actor: coordinator, mergeId });
    expect(await db.networkMembership.count({ where: { organizationId: copy.id } })).toBe(1);
    expect(await db.affiliation.findFirst({ where: { personId: p2.id } })).toMatchObject({ organizationId: copy.id });
    expect((await getGenerationSummary({ actor: coordinator, generationId: gen.id })).enrolledOrganizations).toBe(2);
  });
});
