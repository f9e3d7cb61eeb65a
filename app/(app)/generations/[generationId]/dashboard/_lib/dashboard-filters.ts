import { z } from "zod";
import { Modality } from "@/lib/generated/prisma/enums";
import { isMexicanState } from "@/lib/registry/mexican-states";
import { localToDate } from "@/lib/sessions/schedule";
import type { FactsFilters } from "@/lib/totals/compute-generation-facts";

const querySchema = z.object({
  networkId: z.string().max(64).optional().catch(undefined),
  state: z.string().max(3).optional().catch(undefined),
  modality: z.enum(Modality).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type DashboardQuery = z.infer<typeof querySchema>;

/** The dashboard's filters as they live in the URL, and as the data layer takes them. */
export function parseDashboardFilters(raw: Record<string, string | string[] | undefined>): {
  query: DashboardQuery;
  filters: FactsFilters;
} {
  const query = querySchema.parse(raw);
  return {
    query,
    filters: {
      networkId: query.networkId || undefined,
      state: isMexicanState(query.state) ? query.state : undefined,
      modality: query.modality,
      from: query.from ? localToDate(`${query.from}T00:00`) : undefined,
      to: query.to ? localToDate(`${query.to}T23:59`) : undefined,
    },
  };
}

/** A drill-down link (who is behind a count) that keeps the filters. */
export type Drill = (kind: "people" | "organizations", extra?: Record<string, string | undefined>) => string;

/**
 * Where drill-downs go: the dashboard's path and filters, or null in the suppressed (funder) view. Plain data,
 * so a cached section can take it as part of its key.
 */
export type DrillTarget = { base: string; query: DashboardQuery } | null;

export function drillOf(target: DrillTarget): Drill | undefined {
  return target ? (kind, extra = {}) => dashboardHref(`${target.base}/${kind}`, target.query, extra) : undefined;
}

/** A URL under the dashboard that keeps the current filters (for drill-downs and the report). */
export function dashboardHref(path: string, query: DashboardQuery, extra: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra }))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The current URL parameters minus the page, for previous/next links. */
export function paramsWithoutPage(raw: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(raw).flatMap(([key, value]) => (key === "page" || Array.isArray(value) ? [] : [[key, value]])));
}
