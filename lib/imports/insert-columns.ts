import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** A column of a bulk insert: its name and the SQL type its array is cast to. */
export type InsertColumn<Row> = { name: string; type: string; value: (row: Row) => string | null };

/**
 * Inserts many rows with one parameter per column (`unnest` of typed arrays) instead of one
 * per cell: for 10,000 enrollments that is 7 parameters, not 70,000, which is where Prisma's
 * createMany spends its time. Table and column names are constants of the callers, never input.
 * `updatedAt` is set here because Prisma, not the database, fills it otherwise.
 */
export async function insertColumns<Row>(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  table: string,
  columns: InsertColumn<Row>[],
  rows: Row[],
  options: { touchUpdatedAt?: boolean; skipDuplicates?: boolean } = {},
): Promise<{ count: number }> {
  if (!rows.length) return { count: 0 };
  const names = Prisma.raw([...columns.map((column) => `"${column.name}"`), ...(options.touchUpdatedAt ? ['"updatedAt"'] : [])].join(", "));
  // Each column travels as one array parameter; only the constant names and types are written into the statement.
  const arrays = Prisma.join(columns.map((column) => Prisma.sql`${rows.map(column.value)}::text[]::${Prisma.raw(column.type)}[]`));
  const count = await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${table}"`)} (${names})
    SELECT *${Prisma.raw(options.touchUpdatedAt ? ", now()" : "")} FROM unnest(${arrays})
    ${Prisma.raw(options.skipDuplicates ? "ON CONFLICT DO NOTHING" : "")}`;
  return { count };
}
