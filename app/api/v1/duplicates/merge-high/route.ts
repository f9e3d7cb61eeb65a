import { duplicateQuery } from "@/lib/dedupe/find-duplicates";
import { mergeHighConfidencePairs } from "@/lib/dedupe/merge-high-confidence";
import { withActor } from "@/lib/http/api";

/** Merges every high-confidence group in the actor's scope as one batch: {batchId, merged: [{keptId, mergedId}]}. */
export const POST = withActor(async (request, { actor }) => mergeHighConfidencePairs({ actor, ...duplicateQuery(request) }));
