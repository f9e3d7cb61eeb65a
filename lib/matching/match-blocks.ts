import "server-only";
import type { Prisma } from "@/lib/db";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * For the rest of this transaction, new people, affiliations and enrollments do not refresh the
 * matcher's blocks one statement at a time (triggers of migration match_blocks): the caller must
 * call refreshMatchBlocks with every person it wrote before committing. For bulk writers only
 * (a participants import writes thousands of rows in slices); verifyMatchBlocks proves the result.
 */
export async function deferMatchBlocks(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT set_config('tejido.defer_match_blocks', 'on', true)`;
}

/** Brings these people's matcher profiles, blocks and pairs up to date (refresh_person_match_blocks), in one pass. */
export async function refreshMatchBlocks(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length) await tx.$executeRaw`SELECT refresh_person_match_blocks(${personIds}::text[])`;
}
