import { randomBytes } from "node:crypto";

type Database = { query: (sql: string, values: unknown[]) => Promise<unknown> };

/** A generation of the demo program with Sonora and Impulso, of its own, so that no other spec's totals move. */
export async function createGeneration(database: Database, label: string) {
  const generationId = `e2e-${label}-${randomBytes(4).toString("hex")}`;
  const number = 100 + Math.floor(Math.random() * 800);
  await database.query(
    `INSERT INTO generations (id, "programId", number, name, status, "updatedAt") VALUES ($1, 'demo-program-fortalecimiento', $2, $3, 'PLANNED', now())`,
    [generationId, number, `Generación ${label} ${number}`],
  );
  await database.query(
    `INSERT INTO generation_networks ("generationId", "networkId") VALUES ($1, 'demo-network-sonora'), ($1, 'demo-network-impulso')`,
    [generationId],
  );
  return { generationId, number };
}
