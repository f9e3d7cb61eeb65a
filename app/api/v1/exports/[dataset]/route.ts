import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { attendanceMatrixDataset, enrollmentsDataset, organizationsDataset, peopleDataset, type Dataset } from "@/lib/exports/datasets";
import { exportResponse } from "@/lib/exports/write";
import { actorFor, apiError, apiErrorFor } from "@/lib/http/api";
import { logger } from "@/lib/logger";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";
import { recordExport } from "@/lib/audit/record-export";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  generationId: z.string().max(64).optional(),
  networkId: z.string().max(64).optional(),
});

const DATASETS = ["people", "organizations", "enrollments", "attendance"] as const;

/** Streams an export (CSV or XLSX) of what the caller may read, honouring the list filters. */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  try {
    const actor = await actorFor(request);
    if (!actor) return apiError("UNAUTHENTICATED");
    const { dataset } = await params;
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success || !(DATASETS as readonly string[]).includes(dataset)) return apiError("NOT_FOUND");
    const { format, ...filters } = query.data;
    await assertWithinRateLimit({ actor, limit: "export" });
    const t = await getTranslations();
    let data: Dataset;
    if (dataset === "people") data = await peopleDataset(actor, filters, t);
    else if (dataset === "organizations") data = await organizationsDataset(actor, filters, t);
    else if (dataset === "enrollments") data = await enrollmentsDataset(actor, filters, t);
    else if (filters.generationId) data = await attendanceMatrixDataset(actor, { ...filters, generationId: filters.generationId }, t);
    else return apiError("VALIDATION");

    const name = `tejido-${t(`exports.files.${dataset}`)}-${new Date().toISOString().slice(0, 10)}.${format}`;
    logger.info({ event: "export.started", userId: actor.userId, dataset, format }, "export");
    const total = await data.total();
    await recordExport({ actor, dataset, format, filters, rows: total });
    return exportResponse({ dataset: data, total, format, fileName: name, sheetName: t(`exports.files.${dataset}`) });
  } catch (error) {
    return apiErrorFor(error);
  }
}
