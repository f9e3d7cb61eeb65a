import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RecordKind } from "@/lib/generated/prisma/enums";
import { organizationWriteScope, personScope } from "@/lib/registry/scope";
import { orderedPair } from "./duplicate-types";

/** "Not a duplicate": remembered for the pair (in either order), so the page never proposes it again. */
export async function dismissDuplicate(options: { actor: Actor; kind: RecordKind; ids: [string, string] }) {
  const { actor, kind } = options;
  assertCan(actor, "merge:registry");
  const [firstId, secondId] = orderedPair(...options.ids);
  if (firstId === secondId) throw new AppError("VALIDATION");
  const found =
    kind === "PERSON"
      ? await db.person.count({ where: { AND: [{ id: { in: [firstId, secondId] } }, personScope(actor, "merge:registry")] } })
      : await db.organization.count({
          where: { AND: [{ id: { in: [firstId, secondId] } }, organizationWriteScope(actor, "merge:registry")] },
        });
  if (found !== 2) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.duplicateDismissal.upsert({
      where: { kind_firstId_secondId: { kind, firstId, secondId } },
      create: { kind, firstId, secondId, decidedById: actor.userId },
      update: {},
    });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "duplicate.dismissed",
      targetType: kind === "PERSON" ? "Person" : "Organization",
      targetId: firstId,
      data: { otherId: secondId },
    });
  });
}
