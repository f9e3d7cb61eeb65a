import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { DashboardTotals } from "@/lib/dashboards/get-generation-dashboard";
import { drillOf, type DrillTarget } from "../_lib/dashboard-filters";

/** The headline sentence and the KPIs: the first section to arrive. */
export async function DashboardHeadline(props: { totals: Promise<DashboardTotals>; drill: DrillTarget; suppressed: boolean }) {
  const [{ kpis }, locale] = await Promise.all([props.totals, getLocale()]);
  return <Headline kpis={kpis} drill={props.drill} suppressed={props.suppressed} locale={locale} />;
}

// Rendered once per set of numbers (a generation's totals at one version, under one set of filters), suppression,
// drill-down target and language, then reused for every viewer of the same: its arguments are the cache key.
async function Headline({
  kpis,
  drill: target,
  suppressed,
  locale,
}: {
  kpis: DashboardTotals["kpis"];
  drill: DrillTarget;
  suppressed: boolean;
  locale: string;
}) {
  "use cache";
  const drill = drillOf(target);
  const [t, format] = await Promise.all([getTranslations({ locale }), getFormatter({ locale })]);
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <Card className="mb-6">
      <p className="text-2xl font-bold text-brand-800 sm:text-3xl" data-testid="dashboard-headline">
        {drill
          ? t.rich("dashboard.headlineLinked", {
              people: kpis.people,
              organizations: kpis.organizations,
              networks: kpis.networks,
              states: kpis.states,
              peopleLink: (chunks) => <TextLink href={drill("people")}>{chunks}</TextLink>,
              organizationsLink: (chunks) => <TextLink href={drill("organizations")}>{chunks}</TextLink>,
            })
          : t("totals.headlineFull", {
              people: kpis.people,
              organizations: kpis.organizations,
              networks: kpis.networks,
              states: kpis.states,
            })}
      </p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="dashboard-kpis">
        {[
          { label: t("dashboard.tookPart"), value: format.number(kpis.people), href: drill?.("people") },
          { label: t("totals.enrolled"), value: format.number(kpis.enrolled), href: drill?.("people", { measure: "enrolled" }) },
          { label: t("totals.sessionsHeld"), value: format.number(kpis.sessionsHeld) },
          { label: t("totals.attendanceRate"), value: percent(kpis.attendanceRate) },
          {
            label: t("dashboard.completionRate"),
            value: percent(kpis.completionRate),
            href: drill?.("people", { measure: "completed" }),
          },
          { label: t("dashboard.virtualShare"), value: percent(kpis.virtualShare) },
        ].map((kpi) => (
          <div key={kpi.label} className="rounded-md bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">{kpi.label}</dt>
            <dd className="text-2xl font-semibold text-slate-900">
              {kpi.href ? (
                <TextLink href={kpi.href} aria-label={`${kpi.label}: ${kpi.value}. ${t("dashboard.seeWho")}`}>
                  {kpi.value}
                </TextLink>
              ) : (
                kpi.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {suppressed && <p className="mt-3 text-xs text-slate-600">{t("totals.suppressionNote")}</p>}
    </Card>
  );
}
