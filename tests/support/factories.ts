import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Actor, GrantScope } from "@/lib/auth/permissions";
import { createAuthSession, findActorBySessionId } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export const TEST_PASSWORD = "correct horse battery";

let cachedHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createTestUser(
  options: { grants?: Array<Partial<GrantScope> & Pick<GrantScope, "role">>; email?: string; name?: string } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(),
      name: options.name ?? "Test User",
      passwordHash: await cachedHash,
      grants: {
        create: (options.grants ?? []).map((grant) => ({
          role: grant.role,
          programId: grant.programId ?? null,
          networkId: grant.networkId ?? null,
        })),
      },
    },
    select: { id: true, email: true },
  });
}

/** A signed-in actor, resolved the same way a request resolves it. */
export async function signedInActor(options: Parameters<typeof createTestUser>[0] = {}): Promise<Actor> {
  const user = await createTestUser(options);
  const sessionId = await createAuthSession(user.id);
  const actor = await findActorBySessionId(sessionId);
  if (!actor) throw new Error("test actor could not be resolved");
  return actor;
}

export async function createProgram(name = `Program ${randomBytes(3).toString("hex")}`) {
  return db.program.create({ data: { name }, select: { id: true, name: true } });
}

export async function createNetwork(name = `Network ${randomBytes(3).toString("hex")}`) {
  return db.network.create({ data: { name }, select: { id: true, name: true } });
}

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A small registry: a program, a generation and the given networks, organizations and enrollments. */
export async function createGeneration(options: { programId?: string; networkIds: string[]; number?: number }) {
  const programId = options.programId ?? (await createProgram()).id;
  return db.generation.create({
    data: {
      programId,
      number: options.number ?? 1,
      name: `Generación ${next()}`,
      status: "ACTIVE",
      networks: { create: options.networkIds.map((networkId) => ({ networkId })) },
    },
    select: { id: true, programId: true },
  });
}

export async function createOrganization(options: { networkIds?: string[]; state?: "SON" | "CHH" | "BCN"; name?: string } = {}) {
  const name = options.name ?? `Organización ${next()}`;
  return db.organization.create({
    data: {
      name,
      type: "CIVIL_SOCIETY",
      state: options.state ?? "SON",
      memberships: { create: (options.networkIds ?? []).map((networkId) => ({ networkId })) },
    },
    select: { id: true, name: true },
  });
}

export async function createPerson(
  options: { givenNames?: string; firstSurname?: string; email?: string; organizationId?: string; phone?: string } = {},
) {
  const givenNames = options.givenNames ?? `Persona${next()}`;
  const firstSurname = options.firstSurname ?? "Prueba";
  return db.person.create({
    data: {
      givenNames,
      firstSurname,
      email: options.email,
      phone: options.phone,
      affiliations: options.organizationId ? { create: { organizationId: options.organizationId } } : undefined,
    },
    select: { id: true },
  });
}

export async function enroll(
  personId: string,
  generationId: string,
  networkId: string,
  organizationId: string,
  status: "ACTIVE" | "WITHDRAWN" = "ACTIVE",
) {
  return db.enrollment.create({ data: { personId, generationId, networkId, organizationId, status }, select: { id: true } });
}

export async function createSession(
  generationId: string,
  options: {
    status?: "PLANNED" | "HELD" | "CANCELLED";
    networkIds?: string[];
    modality?: "IN_PERSON" | "VIRTUAL";
    facilitatorIds?: string[];
    startsAt?: Date;
    minutes?: number;
  } = {},
) {
  const workshop = await db.workshop.create({
    data: { generationId, title: `Taller ${next()}`, topic: "ADVOCACY", order: 1 },
    select: { id: true },
  });
  const startsAt = options.startsAt ?? new Date("2020-04-15T15:00:00Z");
  return db.session.create({
    data: {
      workshopId: workshop.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 120) * 60_000),
      modality: options.modality ?? "VIRTUAL",
      status: options.status ?? "HELD",
      allNetworks: !options.networkIds,
      networks: { create: (options.networkIds ?? []).map((networkId) => ({ networkId })) },
      facilitators: { create: (options.facilitatorIds ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true, workshopId: true },
  });
}

export async function attend(sessionId: string, personId: string, status: "PRESENT" | "LATE" | "EXCUSED" | "ABSENT" = "PRESENT") {
  return db.attendance.create({ data: { sessionId, personId, status }, select: { id: true } });
}
