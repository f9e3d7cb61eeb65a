import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staleRecordError, unchangedSince } from "@/lib/records/record-version";
import { PartnerRole } from "@/lib/generated/prisma/enums";
import { idField, personNameField } from "@/lib/validation/fields";

export const programInputSchema = z.object({
  name: personNameField,
  description: z
    .string()
    .trim()
    .max(2000, { message: "validation.tooLong" })
    .optional()
    .transform((value) => value || null),
});

export const partnerInputSchema = z.object({ organizationId: idField, role: z.enum(PartnerRole, { message: "validation.invalidChoice" }) });

/** Programs are set up by admins; coordinators run what happens inside them. */
export async function saveProgram(options: {
  actor: Actor;
  programId?: string;
  input: z.output<typeof programInputSchema>;
  /** lib/records/record-version.ts: an edit is refused if someone saved since the form was read. */
  version?: string;
}) {
  assertCan(options.actor, "manage:users");
  return db.$transaction(async (tx) => {
    let programId = options.programId;
    if (programId) {
      const updated = await tx.program.updateMany({ where: { id: programId, ...unchangedSince(options.version) }, data: options.input });
      if (!updated.count) {
        const stored = await tx.program.findUnique({
          where: { id: programId },
          select: { updatedAt: true, name: true, description: true },
        });
        throw stored ? staleRecordError(stored, ["name", "description"]) : new AppError("NOT_FOUND");
      }
    } else {
      programId = (await tx.program.create({ data: options.input, select: { id: true } })).id;
    }
    await recordAuditEvent(tx, {
      actorId: options.actor.userId,
      action: options.programId ? "program.updated" : "program.created",
      targetType: "program",
      targetId: programId,
    });
    return { programId };
  });
}

export async function addProgramPartner(options: { actor: Actor; programId: string; partner: z.output<typeof partnerInputSchema> }) {
  assertCan(options.actor, "manage:users");
  if (!(await db.organization.findUnique({ where: { id: options.partner.organizationId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "Unknown organization", { field: "organizationId" });
  }
  await db.programPartner.createMany({ data: [{ programId: options.programId, ...options.partner }], skipDuplicates: true });
}

export async function removeProgramPartner(options: { actor: Actor; programId: string; partner: z.output<typeof partnerInputSchema> }) {
  assertCan(options.actor, "manage:users");
  await db.programPartner.deleteMany({ where: { programId: options.programId, ...options.partner } });
}
