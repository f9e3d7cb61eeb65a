import { requireActor } from "@/lib/auth/actor";
import { drillDownSchema } from "@/lib/dashboards/find-drill-down";
import { parseDashboardFilters } from "./dashboard-filters";

export type DrillDownPageProps = {
  params: Promise<{ generationId: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

/** What both drill-down pages read from their request: who asks, the generation, the dashboard filters and the clicked cell. */
export async function readDrillDownRequest({ params, searchParams }: DrillDownPageProps) {
  const [{ generationId }, raw, actor] = await Promise.all([params, searchParams, requireActor()]);
  const { query, filters } = parseDashboardFilters(raw);
  return { actor, generationId, raw, query, filters, drill: drillDownSchema.parse(raw) };
}
