import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { recordAuditEvent } from "./record-audit-event";

/** An export started: which dataset, format and filters (ids and codes), and how many rows, by whom. */
export async function recordExport(options: {
  actor: Actor;
  dataset: string;
  format: string;
  filters: Record<string, string | undefined>;
  rows: number;
}) {
  // A search text may be a name someone typed: only that there was one is kept.
  const filters = Object.fromEntries(
    Object.entries(options.filters)
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, key === "q" || key === "user" ? "(texto)" : value]),
  );
  await recordAuditEvent(db, {
    actorId: options.actor.userId,
    action: "export.started",
    targetType: "dataset",
    targetId: options.dataset,
    data: { format: options.format, filters, rows: options.rows },
  });
}
