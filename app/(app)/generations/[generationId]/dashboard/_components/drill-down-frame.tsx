import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { DRILL_DOWN_PAGE_SIZE, type DrillDown } from "@/lib/dashboards/find-drill-down";
import { dashboardHref, paramsWithoutPage, type DashboardQuery } from "../_lib/dashboard-filters";
import { describeFilters } from "@/lib/dashboards/describe-filters";

/**
 * The frame of both drill-down lists: the count as title, what the list shows and
 * why (the rule that counted these rows, the filters and cell in force), the
 * table, and previous/next pages.
 */
export async function DrillDownFrame({
  title,
  total,
  generation,
  query,
  drill,
  kind,
  raw,
  children,
}: {
  title: string;
  total: number;
  generation: { id: string; name: string; completionPercent: number; networkNames: Map<string, string> };
  query: DashboardQuery;
  drill: DrillDown;
  kind: "people" | "organizations";
  raw: Record<string, string | string[]>;
  children: ReactNode;
}) {
  const { networkNames } = generation;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const conditions = describeFilters(t, format, query, networkNames, drill);
  return (
    <>
      <PageHeader title={title} />
      <Card className="mb-6">
        <TextLink href={dashboardHref(`/generations/${generation.id}/dashboard`, query)} className="text-sm">
          {t("drillDown.back", { generation: generation.name })}
        </TextLink>
        <h2 className="mt-3 font-semibold text-slate-900">{t("drillDown.rule")}</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="drill-down-rule">
          {t(`drillDown.rules.${drill.measure}`, { percent: generation.completionPercent })}
          {kind === "organizations" && ` ${t("drillDown.rules.organizations")}`}
        </p>
        {conditions.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t("drillDown.conditions")}>
            {conditions.map((condition) => (
              <li key={condition} className="rounded-full bg-slate-100 px-3 py-1 text-slate-800">
                {condition}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {children}
      <Pagination page={drill.page} pageCount={Math.max(1, Math.ceil(total / DRILL_DOWN_PAGE_SIZE))} params={paramsWithoutPage(raw)} />
    </>
  );
}
