import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { undoMergeInTransaction } from "./undo-merge";

/**
 * Puts a whole bulk merge back, last merge first, in one transaction: all of it or nothing
 * (a merge of the batch undone on its own is passed over). Whoever cannot see every record the
 * batch kept finds nothing.
 */
export async function undoMergeBatch(options: { actor: Actor; batchId: string }) {
  assertCan(options.actor, "merge:registry");
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM merge_batches WHERE id = ${options.batchId} FOR UPDATE`;
      if (!locked.length) throw new AppError("NOT_FOUND");
      const batch = await tx.mergeBatch.findUniqueOrThrow({
        where: { id: options.batchId },
        select: {
          id: true,
          undoneAt: true,
          merges: { select: { id: true, undoneAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
        },
      });
      if (batch.undoneAt) throw new AppError("CONFLICT", "Batch already undone", { messageKey: "dedupe.undoRefused.alreadyUndone" });
      let undone = 0;
      // Newest first: a record kept by a later merge of the batch may have been merged into by an earlier one.
      for (const merge of batch.merges) {
        if (merge.undoneAt) continue;
        await undoMergeInTransaction(tx, { actor: options.actor, mergeId: merge.id });
        undone += 1;
      }
      await tx.mergeBatch.update({ where: { id: batch.id }, data: { undoneAt: new Date() } });
      await recordAuditEvent(tx, {
        actorId: options.actor.userId,
        action: "merge-batch.undone",
        targetType: "MergeBatch",
        targetId: batch.id,
        data: { merges: undone },
      });
      return { batchId: batch.id, undone };
    },
    { maxWait: 10_000, timeout: 300_000 },
  );
}
