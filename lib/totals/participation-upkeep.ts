import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * For the rest of this transaction, writes do not bring the participation facts up to date one
 * statement at a time (triggers of migration participation_facts): the caller must call
 * refreshParticipation with the generation and every person it wrote before committing. For bulk
 * writers only (a participants import writes thousands of enrollments in slices, a meeting report hundreds
 * of marks one by one); the property test and
 * `npm run verify:totals` prove the result equals a rebuild from the records.
 */
export async function deferParticipation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT set_config('tejido.defer_participation', 'on', true)`;
}

/** These people's facts in this generation, and the counters of every session they can move, in one pass. */
export async function refreshParticipation(tx: Tx, generationId: string, personIds: string[]): Promise<void> {
  await tx.$executeRaw`SELECT set_config('tejido.defer_participation', 'off', true)`;
  if (personIds.length) await tx.$executeRaw`SELECT refresh_participation(${generationId}, ${personIds}::text[], NULL)`;
}

/** After marks written with the upkeep deferred: these sessions (a first mark makes one count) and these people. */
export async function refreshParticipationAfterMarks(tx: Tx, sessionIds: string[], personIds: string[]): Promise<void> {
  await tx.$executeRaw`SELECT set_config('tejido.defer_participation', 'off', true)`;
  await tx.$executeRaw`SELECT participation_marks_changed(${sessionIds}::text[], ${personIds}::text[])`;
}
