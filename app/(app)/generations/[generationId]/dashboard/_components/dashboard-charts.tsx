import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DashboardTotals } from "@/lib/dashboards/get-generation-dashboard";
import { Modality } from "@/lib/generated/prisma/enums";
import { drillOf, type DrillTarget } from "../_lib/dashboard-filters";
import { ChartCard } from "./chart-card";

// A national program has hundreds of networks: the chart keeps the largest.
const CHART_NETWORKS = 10;
const MODALITY_COLORS: Record<string, string> = { IN_PERSON: "#0b5e58", VIRTUAL: "#6d28d9", HYBRID: "#b45309", MIXED: "#475569" };

/** Attendance over time and the breakdowns, each chart with its numbers as a table. */
export async function DashboardCharts(props: { totals: Promise<DashboardTotals>; drill: DrillTarget }) {
  const [dashboard, locale] = await Promise.all([props.totals, getLocale()]);
  return <Charts dashboard={dashboard} drill={props.drill} locale={locale} />;
}

// Rendered once per set of numbers, drill-down target and language, reused for every viewer of the same (see Headline).
async function Charts({ dashboard, drill: target, locale }: { dashboard: DashboardTotals; drill: DrillTarget; locale: string }) {
  "use cache";
  const drill = drillOf(target);
  const [t, format] = await Promise.all([getTranslations({ locale }), getFormatter({ locale })]);
  const overTime = dashboard.attendanceOverTime;
  const labelOf = (namespace: string, value: string) => (value === "UNKNOWN" ? t("dashboard.unknown") : t(`${namespace}.${value}`));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard
        locale={locale}
        title={t(overTime.granularity === "week" ? "dashboard.attendancePerWeek" : "dashboard.attendancePerSession")}
        valueHeader={t("totals.attendanceRate")}
        percent
        rows={overTime.buckets.map((bucket) => ({
          label: format.dateTime(bucket.startsAt, { month: "short", day: "numeric", timeZone: "America/Mexico_City" }),
          value: bucket.rate,
          color: MODALITY_COLORS[bucket.modality],
        }))}
        legend={[...Object.values(Modality), ...(overTime.granularity === "week" ? (["MIXED"] as const) : [])].map((m) => ({
          label: t(`modalities.${m}`),
          color: MODALITY_COLORS[m]!,
        }))}
      />
      <ChartCard
        locale={locale}
        title={t("dashboard.peopleByNetwork")}
        valueHeader={t("totals.people")}
        note={
          dashboard.byNetwork.length > CHART_NETWORKS
            ? t("dashboard.topNetworks", { shown: CHART_NETWORKS, total: dashboard.byNetwork.length })
            : undefined
        }
        rows={dashboard.byNetwork.slice(0, CHART_NETWORKS).map((row) => ({
          label: row.name,
          value: row.people,
          href: drill?.("people", { inNetwork: row.networkId }),
        }))}
      />
      <ChartCard
        locale={locale}
        title={t("dashboard.peopleByState")}
        valueHeader={t("totals.people")}
        rows={dashboard.byState.map((row) => ({
          label: t(`states.${row.state}`),
          value: row.people,
          href: drill?.("people", { inState: row.state }),
        }))}
      />
      <ChartCard
        locale={locale}
        title={t("dashboard.byGender")}
        valueHeader={t("totals.people")}
        rows={dashboard.byGender.map((row) => ({
          label: labelOf("genders", row.value),
          value: row.people,
          href: drill?.("people", { gender: row.value }),
        }))}
      />
      <ChartCard
        locale={locale}
        title={t("dashboard.byAgeRange")}
        valueHeader={t("totals.people")}
        rows={dashboard.byAgeRange.map((row) => ({
          label: labelOf("ageRanges", row.value),
          value: row.people,
          href: drill?.("people", { ageRange: row.value }),
        }))}
      />
      <ChartCard
        locale={locale}
        title={t("dashboard.organizationsByType")}
        valueHeader={t("totals.organizations")}
        rows={dashboard.byOrganizationType.map((row) => ({
          label: labelOf("organizationTypes", row.value),
          value: row.organizations,
          href: drill?.("organizations", { organizationType: row.value }),
        }))}
      />
    </div>
  );
}
