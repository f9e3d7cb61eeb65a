import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import { assertNoDuplicates } from "@/lib/registry/duplicates";
import type { PersonInput } from "@/lib/registry/fields";
import { personScope } from "@/lib/registry/scope";
import { findOrganizationInScopeOrThrow } from "@/lib/organizations/save-organization";

function personData(input: PersonInput) {
  return {
    ...input,
    secondSurname: input.secondSurname ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    gender: input.gender ?? null,
    genderSelfDescribed: input.gender === "SELF_DESCRIBED" ? (input.genderSelfDescribed ?? null) : null,
    ageRange: input.ageRange ?? null,
    state: input.state ?? null,
  };
}

/** Inside an open transaction: creates the person and their affiliation. Duplicates must have been checked. */
export async function insertPerson(
  tx: Prisma.TransactionClient,
  actorId: string,
  input: PersonInput,
  affiliation?: { organizationId: string; title?: string },
) {
  const person = await tx.person.create({
    data: { ...personData(input), ...(affiliation ? { affiliations: { create: affiliation } } : {}) },
    select: { id: true },
  });
  await recordAuditEvent(tx, { actorId, action: "person.created", targetType: "person", targetId: person.id });
  return person;
}

/**
 * Registers a person, optionally affiliated to an organization (required for a
 * liaison, whose reach is their network's organizations). Stops with the
 * candidates when the email exists or the same name is in that organization,
 * unless `allowSimilar` (an existing email always stops: it is unique).
 */
export async function createPerson(options: {
  actor: Actor;
  input: PersonInput;
  organizationId?: string;
  title?: string;
  allowSimilar?: boolean;
}) {
  assertCan(options.actor, "manage:registry");
  await assertNoDuplicates(options.actor, {
    person: { input: { ...options.input, organizationId: options.organizationId }, allowSimilar: options.allowSimilar },
  });
  return db.$transaction(async (tx) => {
    if (options.organizationId) await findOrganizationInScopeOrThrow(tx, options.actor, options.organizationId);
    const person = await insertPerson(
      tx,
      options.actor.userId,
      options.input,
      options.organizationId ? { organizationId: options.organizationId, title: options.title } : undefined,
    );
    // A liaison may only create people their network can see.
    if (
      !(await tx.person.findFirst({
        where: { AND: [{ id: person.id }, personScope(options.actor, "manage:registry")] },
        select: { id: true },
      }))
    ) {
      throw new AppError("VALIDATION", "Choose an organization of your network", { field: "organizationId" });
    }
    return person;
  });
}

/** Edits a person in scope; with `version` (the form's), only while nobody saved in between (lib/records/record-version.ts). */
export async function updatePerson(options: { actor: Actor; personId: string; input: PersonInput; version?: string }) {
  assertCan(options.actor, "manage:registry");
  await findPersonInScopeOrThrow(db, options.actor, options.personId);
  if (options.input.email) {
    const taken = await db.person.findFirst({ where: { email: options.input.email, id: { not: options.personId } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "Email already registered", { field: "email" });
  }
  await db.$transaction(async (tx) => {
    const updated = await tx.person.updateMany({
      where: { id: options.personId, ...unchangedSince(options.version) },
      data: personData(options.input),
    });
    if (!updated.count)
      throw staleRecordError(
        await tx.person.findUniqueOrThrow({
          where: { id: options.personId },
          select: { updatedAt: true, givenNames: true, firstSurname: true, secondSurname: true, email: true, phone: true },
        }),
        ["givenNames", "firstSurname", "secondSurname", "email", "phone"],
      );
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "person.updated",
      targetType: "person",
      targetId: options.personId,
    });
  });
}

/** Soft delete: the person leaves lists and totals, and can be restored. */
export async function setPersonActive(options: { actor: Actor; personId: string; active: boolean }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    await findPersonInScopeOrThrow(tx, options.actor, options.personId);
    await tx.person.update({ where: { id: options.personId }, data: { deactivatedAt: options.active ? null : new Date() } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.active ? "person.restored" : "person.deactivated",
      targetType: "person",
      targetId: options.personId,
    });
  });
}

export async function findPersonInScopeOrThrow(
  client: Pick<Prisma.TransactionClient, "person">,
  actor: Actor,
  personId: string,
  permission: Permission = "manage:registry",
) {
  const person = await client.person.findFirst({
    where: { AND: [{ id: personId }, personScope(actor, permission)] },
    select: { id: true },
  });
  if (!person) throw new AppError("NOT_FOUND");
  return person;
}

/** Links a person to another organization (both in the actor's reach); repeating it changes nothing. */
export async function addAffiliation(options: { actor: Actor; personId: string; organizationId: string; title?: string }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    await findPersonInScopeOrThrow(tx, options.actor, options.personId);
    await findOrganizationInScopeOrThrow(tx, options.actor, options.organizationId);
    await tx.affiliation.upsert({
      where: { personId_organizationId: { personId: options.personId, organizationId: options.organizationId } },
      create: { personId: options.personId, organizationId: options.organizationId, title: options.title },
      update: { title: options.title },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "affiliation.saved",
      targetType: "person",
      targetId: options.personId,
      data: { organizationId: options.organizationId },
    });
  });
}
