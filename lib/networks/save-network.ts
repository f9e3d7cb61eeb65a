import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import { stateField } from "@/lib/registry/fields";
import { networkWriteScope } from "@/lib/registry/scope";
import { optionalIdField, personNameField } from "@/lib/validation/fields";

export const networkInputSchema = z.object({
  name: personNameField,
  shortName: z
    .string()
    .trim()
    .max(60, { message: "validation.tooLong" })
    .optional()
    .transform((value) => value || undefined),
  states: z.array(stateField).min(1, { message: "validation.required" }),
  convenerOrganizationId: optionalIdField,
});
export type NetworkInput = z.output<typeof networkInputSchema>;

/** Networks are created by admins and program coordinators; a liaison edits only their own. */
export async function createNetwork(options: { actor: Actor; input: NetworkInput }) {
  assertCan(options.actor, "manage:registry");
  const scope = scopeOf(options.actor, "manage:registry");
  if (!scope.all && !scope.programIds.length) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    await assertConvenerExists(tx, options.input.convenerOrganizationId);
    const network = await tx.network.create({
      data: { ...options.input, shortName: options.input.shortName ?? null },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "network.created", targetType: "network", targetId: network.id });
    return network;
  });
}

/** Edits a network in scope; with `version`, only while nobody saved in between (lib/records/record-version.ts). */
export async function updateNetwork(options: { actor: Actor; networkId: string; input: NetworkInput; version?: string }) {
  assertCan(options.actor, "manage:registry");
  await db.$transaction(async (tx) => {
    const network = await tx.network.findFirst({
      where: { AND: [{ id: options.networkId }, networkWriteScope(options.actor, "manage:registry")] },
      select: { id: true },
    });
    if (!network) throw new AppError("NOT_FOUND");
    await assertConvenerExists(tx, options.input.convenerOrganizationId);
    const updated = await tx.network.updateMany({
      where: { id: network.id, ...unchangedSince(options.version) },
      data: {
        ...options.input,
        shortName: options.input.shortName ?? null,
        convenerOrganizationId: options.input.convenerOrganizationId ?? null,
      },
    });
    if (!updated.count)
      throw staleRecordError(
        await tx.network.findUniqueOrThrow({ where: { id: network.id }, select: { updatedAt: true, name: true, shortName: true } }),
        ["name", "shortName"],
      );
    await recordAuditEvent(tx, { actorId: options.actor.userId, action: "network.updated", targetType: "network", targetId: network.id });
  });
}

export async function setNetworkActive(options: { actor: Actor; networkId: string; active: boolean }) {
  assertCan(options.actor, "manage:registry");
  const scope = scopeOf(options.actor, "manage:registry");
  if (!scope.all && !scope.programIds.length) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const network = await tx.network.findFirst({
      where: { AND: [{ id: options.networkId }, networkWriteScope(options.actor, "manage:registry")] },
      select: { id: true },
    });
    if (!network) throw new AppError("NOT_FOUND");
    await tx.network.update({ where: { id: network.id }, data: { deactivatedAt: options.active ? null : new Date() } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.active ? "network.restored" : "network.deactivated",
      targetType: "network",
      targetId: network.id,
    });
  });
}

async function assertConvenerExists(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], organizationId?: string) {
  if (organizationId && !(await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "Unknown organization", { field: "convenerOrganizationId" });
  }
}
