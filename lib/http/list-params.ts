import { z } from "zod";
import { listParamsSchema } from "./search-params";

/** URL parameters of registry lists; unknown or malformed values are ignored, never an error page. */
export const registryListParams = listParamsSchema.extend({
  state: z.string().max(3).optional().catch(undefined),
  type: z.string().max(40).optional().catch(undefined),
  generationId: z.string().max(64).optional().catch(undefined),
  networkId: z.string().max(64).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
});
