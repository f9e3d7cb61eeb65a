import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createFormatter, createTranslator } from "next-intl";
import type { Actor } from "@/lib/auth/permissions";
import { describeFilters, type FilterQuery } from "@/lib/dashboards/describe-filters";
import { getGenerationDashboard } from "@/lib/dashboards/get-generation-dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { DEFAULT_TIME_ZONE } from "@/lib/sessions/schedule";
import type { FactsFilters } from "@/lib/totals/compute-generation-facts";
import { GenerationReportDocument } from "./generation-report-document";

/**
 * The generation report as a PDF, in the language asked for (not necessarily the
 * reader's): built from the very object the dashboard renders, so the numbers match.
 */
export async function renderGenerationReport(options: {
  actor: Actor;
  generationId: string;
  query: FilterQuery;
  filters: FactsFilters;
  locale: Locale;
}) {
  const [dashboard, messages] = await Promise.all([
    getGenerationDashboard({ actor: options.actor, generationId: options.generationId, filters: options.filters }),
    loadMessages(options.locale),
  ]);
  const t = createTranslator({ locale: options.locale, messages });
  const format = createFormatter({ locale: options.locale, timeZone: DEFAULT_TIME_ZONE });
  const networkNames = new Map(dashboard.networks.map((network) => [network.id, network.name]));
  const pdf = await renderToBuffer(
    <GenerationReportDocument
      dashboard={dashboard}
      t={t}
      format={format}
      filters={describeFilters(t, format, options.query, networkNames)}
      generatedAt={new Date()}
    />,
  );
  const slug = dashboard.generation.name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return { pdf, fileName: `tejido-${slug}-${new Date().toISOString().slice(0, 10)}.pdf` };
}
