import { undoMergeBatch } from "@/lib/dedupe/undo-merge-batch";
import { withActor } from "@/lib/http/api";

/** Puts a whole bulk merge back, all of it or nothing. */
export const POST = withActor<{ params: Promise<{ batchId: string }> }>(async (_request, { actor, params }) => {
  const { batchId } = await params;
  return undoMergeBatch({ actor, batchId });
});
