import { isAppError } from "@/lib/errors";
import { actorFor, apiError } from "@/lib/http/api";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { renderGenerationReport } from "@/lib/reports/render-generation-report";
import { parseDashboardFilters } from "../_lib/dashboard-filters";

export const dynamic = "force-dynamic";

/** GET …/dashboard/report?lang=es-MX|en&<dashboard filters>: the printable generation report (PDF). */
export async function GET(request: Request, { params }: { params: Promise<{ generationId: string }> }) {
  const actor = await actorFor(request);
  if (!actor) return apiError("UNAUTHENTICATED");
  const { generationId } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { query, filters } = parseDashboardFilters(search);
  const locale = isLocale(search.lang) ? search.lang : isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
  try {
    const { pdf, fileName } = await renderGenerationReport({ actor, generationId, query, filters, locale });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return apiError(error.code);
    throw error;
  }
}
