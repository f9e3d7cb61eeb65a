import { z } from "zod";

/** Reads list-page parameters from the URL, falling back to defaults on anything odd. */
export const listParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
