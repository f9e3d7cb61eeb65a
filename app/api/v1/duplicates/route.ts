import { duplicateQuery, findDuplicatePairs } from "@/lib/dedupe/find-duplicates";
import { withActor } from "@/lib/http/api";

/** Every likely duplicate pair the actor may merge, most certain first: `?kind=people|organizations`. */
export const GET = withActor(async (request, { actor }) => {
  const pairs = await findDuplicatePairs({ actor, ...duplicateQuery(request) });
  return { pairs: pairs.map(({ firstId, secondId, confidence, reasons }) => ({ firstId, secondId, confidence, reasons })) };
});
