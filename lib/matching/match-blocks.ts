import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

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

/** A person about to be written: the fields their strong blocks (same email, phone or whole name as it sounds) come from. */
export type PersonKeysInput = {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  email?: string | null;
  phone?: string | null;
};

// The person's strong blocks, by the one block rule (person_match_blocks_of) with no network or organization.
const strongBlocks = (input: PersonKeysInput) => Prisma.sql`
  SELECT b.block FROM person_match_blocks_of(
    email_match_key(${input.email ?? null}::text),
    phone_match_key(${input.phone ?? null}::text),
    sorted_words(name_sound_words(person_name_words(${`${input.givenNames} ${input.firstSurname} ${input.secondSurname ?? ""}`}::text))),
    '{}', '{}', '{}'
  ) AS b(block)`;

/** The active people who share a strong block with this person now. */
export async function peopleSharingStrongBlocks(client: Pick<Prisma.TransactionClient, "$queryRaw">, input: PersonKeysInput) {
  const rows = await client.$queryRaw<{ personId: string }[]>`
    SELECT DISTINCT "personId" FROM person_match_blocks WHERE block IN (${strongBlocks(input)})`;
  return new Set(rows.map((row) => row.personId));
}

/**
 * Until the transaction ends, whoever writes a person with the same email, phone or name (as it
 * sounds) waits: two registrations of one person sent at once are checked one after the other.
 * Locks are taken in one order, so two writers never wait for each other in a circle.
 */
export async function lockPersonKeys(tx: Pick<Prisma.TransactionClient, "$executeRaw">, input: PersonKeysInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(block, 0)) FROM (${strongBlocks(input)} ORDER BY 1) AS keys`;
}
