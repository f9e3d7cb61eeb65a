import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { recordExport } from "@/lib/audit/record-export";
import { auditEventsDataset, auditFiltersSchema, findAuditEvents } from "@/lib/audit/find-audit-events";
import { exportResponse } from "@/lib/exports/write";
import { actorFor, apiError, apiErrorFor } from "@/lib/http/api";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";

export const dynamic = "force-dynamic";

const querySchema = auditFiltersSchema.extend({
  format: z.enum(["json", "csv", "xlsx"]).default("json").catch("json"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

/**
 * The audit log for admins: a page as JSON (the screen's filters), or the whole filtered log as CSV or
 * XLSX. Exporting the log is itself recorded, like every export.
 */
export async function GET(request: Request) {
  try {
    const actor = await actorFor(request);
    if (!actor) return apiError("UNAUTHENTICATED");
    const { format, page, ...filters } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (format === "json") {
      const { events, total, pageCount } = await findAuditEvents({ actor, filters, page });
      return Response.json({ events, total, page, pageCount }, { headers: { "Cache-Control": "no-store" } });
    }
    const t = await getTranslations();
    const data = auditEventsDataset({ actor, filters, labels: (key) => t(key as never) });
    await assertWithinRateLimit({ actor, limit: "export" });
    const total = await data.total();
    await recordExport({ actor, dataset: "audit", format, filters, rows: total });
    const name = `tejido-${t("audit.file")}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return exportResponse({ dataset: data, total, format, fileName: name, sheetName: t("audit.file") });
  } catch (error) {
    return apiErrorFor(error);
  }
}
