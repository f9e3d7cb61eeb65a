import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type GrantInput = { role: Role; programId?: string; networkId?: string };

/** Which scope each role takes: none, a program, or a network. */
export function scopeKindOf(role: Role): "none" | "program" | "network" {
  if (role === "ADMIN") return "none";
  if (role === "LIAISON") return "network";
  return "program";
}

/** Adds a grant inside an open transaction; returns false when the user already holds it. */
export async function addGrant(tx: Prisma.TransactionClient, userId: string, grant: GrantInput, actorId: string) {
  const kind = scopeKindOf(grant.role);
  const programId = kind === "program" ? grant.programId : undefined;
  const networkId = kind === "network" ? grant.networkId : undefined;
  if (kind === "program" && !programId) throw new AppError("VALIDATION", "A program is required", { field: "programId" });
  if (kind === "network" && !networkId) throw new AppError("VALIDATION", "A network is required", { field: "networkId" });
  if (programId && !(await tx.program.findUnique({ where: { id: programId }, select: { id: true } })))
    throw new AppError("VALIDATION", "Unknown program", { field: "programId" });
  if (networkId && !(await tx.network.findUnique({ where: { id: networkId }, select: { id: true } })))
    throw new AppError("VALIDATION", "Unknown network", { field: "networkId" });

  const scope = { userId, role: grant.role, programId: programId ?? null, networkId: networkId ?? null };
  if (await tx.grant.findFirst({ where: scope, select: { id: true } })) return false;
  const created = await tx.grant.create({ data: { ...scope, createdById: actorId }, select: { id: true } });
  await recordAuditEvent(tx, {
    actorId,
    action: "grant.assigned",
    targetType: "user",
    targetId: userId,
    data: { grantId: created.id, role: grant.role, programId: scope.programId, networkId: scope.networkId },
  });
  return true;
}

export async function assignGrant(options: { actor: Actor; userId: string; grant: GrantInput }) {
  assertCan(options.actor, "manage:users");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND");
    const added = await addGrant(tx, user.id, options.grant, options.actor.userId);
    if (!added) throw new AppError("CONFLICT", "The user already holds this grant");
  });
}

export async function revokeGrant(options: { actor: Actor; userId: string; grantId: string }) {
  assertCan(options.actor, "manage:users");
  await db.$transaction(async (tx) => {
    const grant = await tx.grant.findFirst({
      where: { id: options.grantId, userId: options.userId },
      select: { id: true, role: true, userId: true },
    });
    if (!grant) throw new AppError("NOT_FOUND");
    // An admin removing their own ADMIN grant could leave nobody able to manage users.
    if (grant.role === "ADMIN" && grant.userId === options.actor.userId) throw new AppError("CONFLICT", "Cannot revoke own admin grant");
    await tx.grant.delete({ where: { id: grant.id } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: "grant.revoked",
      targetType: "user",
      targetId: grant.userId,
      data: { grantId: grant.id, role: grant.role },
    });
  });
}
