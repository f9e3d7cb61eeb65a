import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { wallTimeToDate } from "@/lib/dates/zoned";
import type { Dataset } from "@/lib/exports/datasets";
import { DEFAULT_TIME_ZONE } from "@/lib/sessions/schedule";

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

/** The audit screen's and the export's filters, read from the URL; anything odd is dropped, not an error. */
export const auditFiltersSchema = z.object({
  /** An action or its family: "auth" matches auth.signed-in, auth.sign-in-failed… */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z.-]*$/)
    .optional()
    .catch(undefined),
  /** Part of the acting user's email or name. */
  user: z.string().trim().max(200).optional().catch(undefined),
  targetType: z.string().trim().max(64).optional().catch(undefined),
  targetId: z.string().trim().max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export type FindAuditEventsOptions = { actor: Actor; filters: AuditFilters; page?: number };

/** One page of the audit log, newest first. Only admins read it: it says who did what, across programs. */
export async function findAuditEvents({ actor, filters, page: requested }: FindAuditEventsOptions) {
  assertCan(actor, "read:audit-log");
  const where = auditWhere(filters);
  const page = Math.max(1, requested ?? 1);
  const [events, total, actions] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: auditEventSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    events: events.map(toRow),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
  };
}

export type AuditEventsDatasetOptions = { actor: Actor; filters: AuditFilters; labels: (key: string) => string };

/** The filtered log as an export (CSV, XLSX), read in keyset batches, oldest first as a ledger reads. */
export function auditEventsDataset({ actor, filters, labels }: AuditEventsDatasetOptions): Dataset {
  assertCan(actor, "read:audit-log");
  const where = auditWhere(filters);
  const columns = ["createdAt", "action", "userEmail", "userName", "targetType", "targetId", "data", "id"].map((key) => ({
    key,
    label: labels(`audit.columns.${key}`),
  }));
  const rows = (async function* () {
    let cursor: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const batch = await db.auditEvent.findMany({
        where: cursor
          ? { AND: [where, { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] }] }
          : where,
        select: auditEventSelect,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_BATCH,
      });
      for (const event of batch) {
        const row = toRow(event);
        yield { ...row, createdAt: row.createdAt.toISOString(), data: row.data ? JSON.stringify(row.data) : "" };
      }
      if (batch.length < EXPORT_BATCH) return;
      const last = batch.at(-1)!;
      cursor = { createdAt: last.createdAt, id: last.id };
    }
  })();
  return { columns, rows, total: () => db.auditEvent.count({ where }) };
}

const auditEventSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  data: true,
  createdAt: true,
  actorId: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

function toRow(event: Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>) {
  return {
    id: event.id,
    createdAt: event.createdAt,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data,
    userId: event.actorId,
    userName: event.actor?.name ?? "",
    userEmail: event.actor?.email ?? "",
  };
}

function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.action) and.push({ OR: [{ action: filters.action }, { action: { startsWith: `${filters.action}.` } }] });
  if (filters.user)
    and.push({
      actor: {
        OR: [{ email: { contains: filters.user, mode: "insensitive" } }, { name: { contains: filters.user, mode: "insensitive" } }],
      },
    });
  if (filters.targetType) and.push({ targetType: filters.targetType });
  if (filters.targetId) and.push({ targetId: filters.targetId });
  // Dates are whole days in Mexico City time, as people read them on the screen.
  if (filters.from) and.push({ createdAt: { gte: dayStart(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: dayStart(filters.to, 1) } });
  return and.length ? { AND: and } : {};
}

function dayStart(isoDate: string, plusDays = 0) {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return wallTimeToDate(year, month, day + plusDays, 0, 0, 0, DEFAULT_TIME_ZONE);
}
