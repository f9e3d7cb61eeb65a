import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { stateOptions } from "@/components/registry/options";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { NetworkTable } from "@/components/totals/network-table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { getGenerationDashboard } from "@/lib/dashboards/get-generation-dashboard";
import { Modality } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-errors";
import { ChartCard } from "./_components/chart-card";
import { dashboardHref, parseDashboardFilters } from "./_lib/dashboard-filters";

// A national program has hundreds of networks: the chart keeps the largest, the table pages them.
const CHART_NETWORKS = 10;
const TABLE_NETWORKS = 15;
const MODALITY_COLORS: Record<string, string> = { IN_PERSON: "#0b5e58", VIRTUAL: "#6d28d9", HYBRID: "#b45309", MIXED: "#475569" };

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** The generation at a glance: filters live in the URL so a view can be shared. */
export default async function GenerationDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ generationId: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const [{ generationId }, raw, actor] = await Promise.all([params, searchParams, requireActor()]);
  const { query, filters } = parseDashboardFilters(raw);
  // The generation filter moves to that generation's dashboard, keeping the other filters.
  if (typeof raw.generation === "string" && raw.generation && raw.generation !== generationId && raw.generation.length <= 64)
    redirect(dashboardHref(`/generations/${encodeURIComponent(raw.generation)}/dashboard`, query));
  const allNetworks = raw.networks === "all";
  const [dashboard, t, format] = await Promise.all([
    orNotFound(getGenerationDashboard({ actor, generationId, filters })),
    getTranslations(),
    getFormatter(),
  ]);
  const { kpis, attendanceOverTime: overTime } = dashboard;
  // Coordinators click any count to see who is behind it; funders (suppressed view) get numbers only.
  const base = `/generations/${dashboard.generation.id}/dashboard`;
  const drill = dashboard.suppressed
    ? undefined
    : (kind: "people" | "organizations", extra: Record<string, string | undefined> = {}) => dashboardHref(`${base}/${kind}`, query, extra);
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const labelOf = (namespace: string, value: string) => (value === "UNKNOWN" ? t("dashboard.unknown") : t(`${namespace}.${value}`));

  return (
    <>
      <div className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <TextLink href={`/generations/${dashboard.generation.id}`}>{dashboard.generation.name}</TextLink>
        <TextLink href={`/generations/${dashboard.generation.id}/compare`}>{t("compare.open")}</TextLink>
      </div>
      <PageHeader title={t("dashboard.title")}>
        <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t("report.download")}>
          <span className="font-medium text-slate-800">{t("report.download")}:</span>
          {(["es-MX", "en"] as const).map((lang) => (
            <a key={lang} href={dashboardHref(`${base}/report`, query, { lang })} className={buttonClasses("secondary")} download>
              {t("report.downloadIn", { language: t(lang === "en" ? "report.english" : "report.spanish") })}
            </a>
          ))}
        </div>
      </PageHeader>
      <Card className="mb-6">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("dashboard.filters")}>
          <SelectField
            label={t("dashboard.generation")}
            name="generation"
            defaultValue={dashboard.generation.id}
            options={dashboard.programGenerations.map((g) => ({ value: g.id, label: g.name }))}
          />
          <SelectField
            label={t("totals.network")}
            name="networkId"
            defaultValue={filters.networkId ?? ""}
            options={[{ value: "", label: t("common.all") }, ...dashboard.networks.map((n) => ({ value: n.id, label: n.name }))]}
          />
          <SelectField
            label={t("totals.state")}
            name="state"
            defaultValue={filters.state ?? ""}
            options={[{ value: "", label: t("common.all") }, ...stateOptions(t)]}
          />
          <SelectField
            label={t("totals.modality")}
            name="modality"
            defaultValue={filters.modality ?? ""}
            options={[
              { value: "", label: t("common.all") },
              ...Object.values(Modality).map((m) => ({ value: m, label: t(`modalities.${m}`) })),
            ]}
          />
          <TextField label={t("dashboard.from")} name="from" type="date" defaultValue={query.from} />
          <TextField label={t("dashboard.to")} name="to" type="date" defaultValue={query.to} />
          <button type="submit" className={buttonClasses("secondary")}>
            {t("common.filter")}
          </button>
          <Link href={`/generations/${dashboard.generation.id}/dashboard`} className={buttonClasses("ghost")}>
            {t("common.clear")}
          </Link>
        </form>
      </Card>

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
        {dashboard.suppressed && <p className="mt-3 text-xs text-slate-600">{t("totals.suppressionNote")}</p>}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
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
          title={t("dashboard.peopleByState")}
          valueHeader={t("totals.people")}
          rows={dashboard.byState.map((row) => ({
            label: t(`states.${row.state}`),
            value: row.people,
            href: drill?.("people", { inState: row.state }),
          }))}
        />
        <ChartCard
          title={t("dashboard.byGender")}
          valueHeader={t("totals.people")}
          rows={dashboard.byGender.map((row) => ({
            label: labelOf("genders", row.value),
            value: row.people,
            href: drill?.("people", { gender: row.value }),
          }))}
        />
        <ChartCard
          title={t("dashboard.byAgeRange")}
          valueHeader={t("totals.people")}
          rows={dashboard.byAgeRange.map((row) => ({
            label: labelOf("ageRanges", row.value),
            value: row.people,
            href: drill?.("people", { ageRange: row.value }),
          }))}
        />
        <ChartCard
          title={t("dashboard.organizationsByType")}
          valueHeader={t("totals.organizations")}
          rows={dashboard.byOrganizationType.map((row) => ({
            label: labelOf("organizationTypes", row.value),
            value: row.organizations,
            href: drill?.("organizations", { organizationType: row.value }),
          }))}
        />
      </div>

      <Card title={t("dashboard.networkComparison")} className="mt-6">
        <NetworkTable
          rows={allNetworks ? dashboard.byNetwork : dashboard.byNetwork.slice(0, TABLE_NETWORKS)}
          caption={t("dashboard.networkComparison")}
          drillHref={drill && ((networkId, kind) => drill(kind, { inNetwork: networkId }))}
        />
        {!allNetworks && dashboard.byNetwork.length > TABLE_NETWORKS && (
          <p className="mt-3 text-sm">
            <TextLink href={dashboardHref(base, query, { networks: "all" })}>
              {t("dashboard.allNetworks", { total: dashboard.byNetwork.length })}
            </TextLink>
          </p>
        )}
      </Card>
    </>
  );
}
