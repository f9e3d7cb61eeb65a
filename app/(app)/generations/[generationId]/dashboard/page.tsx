import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { stateOptions } from "@/components/registry/options";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { ownNetworkIds } from "@/lib/auth/permissions";
import { openGenerationDashboard } from "@/lib/dashboards/get-generation-dashboard";
import { Modality } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-errors";
import { DashboardCharts } from "./_components/dashboard-charts";
import { DashboardHeadline } from "./_components/dashboard-headline";
import { DashboardNetworks } from "./_components/dashboard-networks";
import { SectionFallback } from "./_components/section-fallback";
import { dashboardHref, parseDashboardFilters, type DrillTarget } from "./_lib/dashboard-filters";

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
  // The frame first (and a 404 before anything is sent); each section streams in when the totals arrive.
  const [dashboard, t] = await Promise.all([orNotFound(openGenerationDashboard({ actor, generationId, filters })), getTranslations()]);
  // Coordinators click any count to see who is behind it; funders (suppressed view) get numbers only.
  const base = `/generations/${dashboard.generation.id}/dashboard`;
  const drill: DrillTarget = dashboard.suppressed ? null : { base, query };

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
            options={[{ value: "", label: t("common.allFeminine") }, ...dashboard.networks.map((n) => ({ value: n.id, label: n.name }))]}
          />
          <SelectField
            label={t("totals.state")}
            name="state"
            defaultValue={filters.state ?? ""}
            options={[
              { value: "", label: t("common.all") },
              ...stateOptions(t).filter((option) => dashboard.states.includes(option.value) || option.value === filters.state),
            ]}
          />
          <SelectField
            label={t("totals.modality")}
            name="modality"
            defaultValue={filters.modality ?? ""}
            options={[
              { value: "", label: t("common.allFeminine") },
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

      <Suspense fallback={<SectionFallback minHeight="12rem" />}>
        <DashboardHeadline totals={dashboard.totals} drill={drill} suppressed={dashboard.suppressed} />
      </Suspense>
      <Suspense fallback={<SectionFallback minHeight="40rem" />}>
        <DashboardCharts totals={dashboard.totals} drill={drill} />
      </Suspense>
      <Suspense fallback={<SectionFallback minHeight="20rem" />}>
        <DashboardNetworks
          totals={dashboard.totals}
          drill={drill}
          base={base}
          query={query}
          allNetworks={allNetworks}
          yours={ownNetworkIds(actor)}
        />
      </Suspense>
    </>
  );
}
