import "server-only";
import type { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import type { generationInputSchema } from "@/lib/registry/fields";

type GenerationInput = z.output<typeof generationInputSchema> & { networkIds: string[] };

const toDate = (value?: string) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Creates or updates a generation of a program the actor coordinates, with its participating networks. */
export async function saveGeneration(options: {
  actor: Actor;
  programId: string;
  generationId?: string;
  input: GenerationInput;
  /** lib/records/record-version.ts: an edit is refused if someone saved since the form was read. */
  version?: string;
}) {
  assertCan(options.actor, "manage:registry", { programId: options.programId });
  const { networkIds, ...input } = options.input;
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    throw new AppError("VALIDATION", "End before start", { field: "endDate" });
  return db.$transaction(async (tx) => {
    const clash = await tx.generation.findFirst({
      where: { programId: options.programId, number: input.number, ...(options.generationId ? { id: { not: options.generationId } } : {}) },
      select: { id: true },
    });
    if (clash) throw new AppError("CONFLICT", "Number already used", { field: "number" });
    const data = { ...input, startDate: toDate(input.startDate), endDate: toDate(input.endDate) };
    let generationId = options.generationId;
    if (generationId) {
      const updated = await tx.generation.updateMany({
        where: { id: generationId, programId: options.programId, ...unchangedSince(options.version) },
        data,
      });
      if (!updated.count) {
        const stored = await tx.generation.findFirst({
          where: { id: generationId, programId: options.programId },
          select: { updatedAt: true, number: true, name: true, status: true, startDate: true, endDate: true },
        });
        throw stored ? staleRecordError(stored, ["number", "name", "status", "startDate", "endDate"]) : new AppError("NOT_FOUND");
      }
      await tx.generationNetwork.deleteMany({
        where: { generationId, networkId: { notIn: networkIds }, network: { enrollments: { none: { generationId } } } },
      });
    } else {
      generationId = (await tx.generation.create({ data: { ...data, programId: options.programId }, select: { id: true } })).id;
    }
    await tx.generationNetwork.createMany({ data: networkIds.map((networkId) => ({ generationId, networkId })), skipDuplicates: true });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.generationId ? "generation.updated" : "generation.created",
      targetType: "generation",
      targetId: generationId,
    });
    return { generationId };
  });
}

/** Soft delete: the generation leaves lists, totals and the API, and can be restored from its edit page. */
export async function setGenerationActive(options: { actor: Actor; generationId: string; active: boolean }) {
  const generation = await db.generation.findUnique({ where: { id: options.generationId }, select: { programId: true } });
  if (!generation) throw new AppError("NOT_FOUND");
  assertCan(options.actor, "manage:registry", { programId: generation.programId });
  await db.$transaction(async (tx) => {
    await tx.generation.update({ where: { id: options.generationId }, data: { deactivatedAt: options.active ? null : new Date() } });
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.active ? "generation.restored" : "generation.deactivated",
      targetType: "generation",
      targetId: options.generationId,
    });
  });
  return { programId: generation.programId };
}
