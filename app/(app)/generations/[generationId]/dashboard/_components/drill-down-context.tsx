import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { DrillDown } from "@/lib/dashboards/find-drill-down";
import { dashboardHref, type DashboardQuery } from "../_lib/dashboard-filters";
import { describeFilters } from "@/lib/dashboards/describe-filters";

/** What a drill-down list shows and why: the rule that counted these rows, and the filters and cell in force. */
export async function DrillDownContext({
  generation,
  query,
  drill,
  kind,
}: {
  generation: { id: string; name: string; completionPercent: number; networkNames: Map<string, string> };
  query: DashboardQuery;
  drill: DrillDown;
  kind: "people" | "organizations";
}) {
  const { networkNames } = generation;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const conditions = describeFilters(t, format, query, networkNames, drill);
  return (
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
  );
}
