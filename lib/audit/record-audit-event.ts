import "server-only";
import type { Prisma } from "@/lib/db";

type Client = Pick<Prisma.TransactionClient, "auditEvent">;

/** Records who did what to which record. `data` holds ids and flags, never personal data. */
export async function recordAuditEvent(
  client: Client,
  event: { actorId: string | null; action: string; targetType: string; targetId: string; data?: Prisma.InputJsonValue },
) {
  await client.auditEvent.create({ data: event });
}
