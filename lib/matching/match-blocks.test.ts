import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { mergePeople } from "@/lib/dedupe/merge-people";
import { undoMerge } from "@/lib/dedupe/undo-merge";
import { findPersonPairEvidence } from "@/lib/matching/person-evidence";
import { verifyMatchBlocks } from "@/lib/matching/verify-match-blocks";
import { createGeneration, createNetwork, createOrganization, signedInActor } from "@/tests/support/factories";

// The matcher's blocks and pairs are kept by triggers (migration match_blocks) on every write that can change them.
// Whatever the writes, what they keep must equal a rebuild from the records (verifyMatchBlocks).

const NO_DRIFT = {
  profiles: { missing: 0, extra: 0 },
  blocks: { missing: 0, extra: 0 },
  sizes: { missing: 0, extra: 0 },
  pairs: { missing: 0, extra: 0 },
};

// Look-alike names, contacts that normalize alike, and a shared inbox: the writes below make and break pairs.
const NAMES: [string, string, string | null][] = [
  ["Ana", "López", "Pérez"],
  ["Ana", "Lopes", "Peres"],
  ["Ana", "López", null],
  ["María Ana", "López", "Pérez"],
  ["Juan", "Pérez", "López"],
  ["Ana", "Pérez", "López"],
];
const EMAILS = [null, "ana.lopez@gmail.com", "analopez@gmail.com", "contacto@red.org.mx"];
const PHONES = [null, "5512345678", "+52 1 55 1234 5678", "6621112233"];

type World = { actor: Actor; generationId: string; networks: string[]; organizations: string[] };
type Op =
  | { kind: "create"; name: number; email: number; phone: number }
  | { kind: "rename"; slot: number; name: number }
  | { kind: "contacts"; slot: number; email: number; phone: number }
  | { kind: "deactivate" | "reactivate" | "delete"; slot: number }
  | { kind: "affiliate" | "unaffiliate"; slot: number; organization: number }
  | { kind: "moveAffiliation"; slot: number; from: number; to: number }
  | { kind: "enroll"; slot: number; network: number; organization: number }
  | { kind: "unenroll"; slot: number; network: number }
  | { kind: "join" | "leave"; organization: number; network: number }
  | { kind: "merge"; slot: number; other: number }
  | { kind: "undoMerge" };

const index = (size: number) => fc.integer({ min: 0, max: size - 1 });
const slot = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      name: index(NAMES.length),
      email: index(EMAILS.length),
      phone: index(PHONES.length),
    }),
  },
  fc.record({ kind: fc.constant("rename" as const), slot, name: index(NAMES.length) }),
  fc.record({ kind: fc.constant("contacts" as const), slot, email: index(EMAILS.length), phone: index(PHONES.length) }),
  fc.record({ kind: fc.constantFrom("deactivate" as const, "reactivate" as const, "delete" as const), slot }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom("affiliate" as const, "unaffiliate" as const), slot, organization: index(3) }),
  },
  fc.record({ kind: fc.constant("moveAffiliation" as const), slot, from: index(3), to: index(3) }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("enroll" as const), slot, network: index(2), organization: index(3) }) },
  fc.record({ kind: fc.constant("unenroll" as const), slot, network: index(2) }),
  fc.record({ kind: fc.constantFrom("join" as const, "leave" as const), organization: index(3), network: index(2) }),
  fc.record({ kind: fc.constant("merge" as const), slot, other: slot }),
  fc.record({ kind: fc.constant("undoMerge" as const) }),
);

async function apply(world: World, people: string[], merges: string[], step: Op) {
  const pick = (at: number) => (people.length ? people[at % people.length]! : undefined);
  switch (step.kind) {
    case "create": {
      const [givenNames, firstSurname, secondSurname] = NAMES[step.name]!;
      const email = EMAILS[step.email];
      const taken = email ? await db.person.count({ where: { email } }) : 0;
      const person = await db.person.create({
        data: { givenNames, firstSurname, secondSurname, email: taken ? null : email, phone: PHONES[step.phone] },
      });
      people.push(person.id);
      return;
    }
    case "rename": {
      const id = pick(step.slot);
      const [givenNames, firstSurname, secondSurname] = NAMES[step.name]!;
      if (id) await db.person.updateMany({ where: { id }, data: { givenNames, firstSurname, secondSurname } });
      return;
    }
    case "contacts": {
      const id = pick(step.slot);
      const email = EMAILS[step.email];
      if (!id) return;
      const taken = email ? await db.person.count({ where: { email, id: { not: id } } }) : 0;
      await db.person.updateMany({ where: { id }, data: { email: taken ? null : email, phone: PHONES[step.phone] } });
      return;
    }
    case "deactivate":
    case "reactivate": {
      const id = pick(step.slot);
      if (id) await db.person.updateMany({ where: { id }, data: { deactivatedAt: step.kind === "deactivate" ? new Date() : null } });
      return;
    }
    case "delete": {
      const id = pick(step.slot);
      if (!id || (await db.enrollment.count({ where: { personId: id } }))) return;
      await db.person.deleteMany({ where: { id } });
      return;
    }
    case "affiliate": {
      const id = pick(step.slot);
      if (id && (await db.person.count({ where: { id } })))
        await db.affiliation.createMany({
          data: [{ personId: id, organizationId: world.organizations[step.organization]! }],
          skipDuplicates: true,
        });
      return;
    }
    case "unaffiliate": {
      const id = pick(step.slot);
      if (id) await db.affiliation.deleteMany({ where: { personId: id, organizationId: world.organizations[step.organization]! } });
      return;
    }
    case "moveAffiliation": {
      const id = pick(step.slot);
      const [from, to] = [world.organizations[step.from]!, world.organizations[step.to]!];
      if (id && from !== to && !(await db.affiliation.count({ where: { personId: id, organizationId: to } })))
        await db.affiliation.updateMany({ where: { personId: id, organizationId: from }, data: { organizationId: to } });
      return;
    }
    case "enroll": {
      const id = pick(step.slot);
      if (id && (await db.person.count({ where: { id } })))
        await db.enrollment.createMany({
          data: [
            {
              personId: id,
              generationId: world.generationId,
              networkId: world.networks[step.network]!,
              organizationId: world.organizations[step.organization]!,
            },
          ],
          skipDuplicates: true,
        });
      return;
    }
    case "unenroll": {
      const id = pick(step.slot);
      if (id) await db.enrollment.deleteMany({ where: { personId: id, networkId: world.networks[step.network]! } });
      return;
    }
    case "join":
      await db.networkMembership.createMany({
        data: [{ organizationId: world.organizations[step.organization]!, networkId: world.networks[step.network]! }],
        skipDuplicates: true,
      });
      return;
    case "leave":
      await db.networkMembership.deleteMany({
        where: { organizationId: world.organizations[step.organization]!, networkId: world.networks[step.network]! },
      });
      return;
    case "merge": {
      const [survivorId, mergedId] = [pick(step.slot), pick(step.other)];
      if (!survivorId || !mergedId || survivorId === mergedId) return;
      if ((await db.person.count({ where: { id: { in: [survivorId, mergedId] }, deactivatedAt: null } })) < 2) return;
      merges.push((await mergePeople({ actor: world.actor, survivorId, mergedId, choices: {} })).mergeId);
      return;
    }
    case "undoMerge": {
      const mergeId = merges.pop();
      // A later write may have made the undo impossible (it then says so and changes nothing).
      if (mergeId) await undoMerge({ actor: world.actor, mergeId }).catch(() => undefined);
      return;
    }
  }
}

describe("the matcher's blocks and pairs, kept by the database", () => {
  let world: World;

  beforeAll(async () => {
    const networks = [(await createNetwork()).id, (await createNetwork()).id];
    const organizations = [
      (await createOrganization({ networkIds: [networks[0]!] })).id,
      (await createOrganization({ networkIds: [networks[1]!] })).id,
      (await createOrganization({ networkIds: [] })).id,
    ];
    const generation = await createGeneration({ networkIds: networks });
    world = { actor: await signedInActor({ grants: [{ role: "ADMIN" }] }), generationId: generation.id, networks, organizations };
  });

  it("equal a rebuild from the records after any sequence of writes (people, contacts, links, networks, merges, undo)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (steps) => {
        const people: string[] = [];
        const merges: string[] = [];
        for (const step of steps) {
          await apply(world, people, merges, step);
          expect(await verifyMatchBlocks(), JSON.stringify(step)).toEqual(NO_DRIFT);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("stop pairing a block's people once it grows past its cap, and pair them again when it shrinks", async () => {
    // An office landline: up to 30 people are paired on it, beyond that it says nothing about who is who.
    const phone = "6629998877";
    const surnames = [
      "Acosta",
      "Bernal",
      "Cortés",
      "Durán",
      "Escobar",
      "Fuentes",
      "Galindo",
      "Herrera",
      "Ibarra",
      "Juárez",
      "Lozano",
      "Medina",
      "Navarro",
      "Ochoa",
      "Pacheco",
      "Quintero",
      "Rangel",
      "Salinas",
      "Tapia",
      "Uribe",
      "Valdez",
      "Zamora",
      "Arellano",
      "Bustos",
      "Cervantes",
      "Delgado",
      "Esquivel",
      "Figueroa",
      "Guerrero",
      "Lara",
      "Montes",
    ];
    const names = surnames.map((firstSurname) => ({ givenNames: "Oficina", firstSurname, phone }));
    await db.person.createMany({ data: names.slice(0, 30) });
    const onLandline = async () =>
      (await findPersonPairEvidence({ kind: "registry" })).filter((row) => row.samePhone && row.firstWords[0] === "oficina").length;
    expect(await onLandline()).toBe((30 * 29) / 2);

    const last = await db.person.create({ data: names[30]! });
    expect(await onLandline()).toBe(0);
    expect(await verifyMatchBlocks()).toEqual(NO_DRIFT);

    await db.person.update({ where: { id: last.id }, data: { deactivatedAt: new Date() } });
    expect(await onLandline()).toBe((30 * 29) / 2);
    expect(await verifyMatchBlocks()).toEqual(NO_DRIFT);
  });
});
