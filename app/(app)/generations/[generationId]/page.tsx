import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { canScheduleIn } from "@/lib/sessions/scope";
import { ExportLinks } from "@/components/registry/export-links";
import { GenerationSummary } from "./_components/generation-summary";
import { WorkshopsCard } from "./_components/workshops-card";

export async function generateMetadata({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const generation = await orNotFound(getGeneration({ actor, generationId }));
  return { title: generation.name };
}

export default async function GenerationPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const [generation, t, format] = await Promise.all([
    orNotFound(getGeneration({ actor, generationId })),
    getTranslations(),
    getFormatter(),
  ]);
  const seesPeople =
    can(actor, "read:personal-data", { programId: generation.program.id }) ||
    generation.networks.some((n) => can(actor, "read:personal-data", { networkId: n.id }));
  const dates =
    generation.startDate && generation.endDate
      ? t("generations.dateRange", {
          start: format.dateTime(generation.startDate, { dateStyle: "medium", timeZone: "UTC" }),
          end: format.dateTime(generation.endDate, { dateStyle: "medium", timeZone: "UTC" }),
        })
      : t("generations.noDates");

  return (
    <>
      <TextLink href={`/programs/${generation.program.id}`} className="mb-2 inline-block text-sm">
        {generation.program.name}
      </TextLink>
      <PageHeader title={generation.name}>
        <div className="flex flex-wrap gap-2">
          <Link href={`/generations/${generation.id}/dashboard`} className={buttonClasses("secondary")}>
            {t("dashboard.open")}
          </Link>
          {seesPeople && (
            <Link href={`/people?generationId=${generation.id}`} className={buttonClasses("secondary")}>
              {t("generations.participants")}
            </Link>
          )}
          {can(actor, "manage:registry", { programId: generation.program.id }) && (
            <Link href={`/generations/${generation.id}/edit`} className={buttonClasses("secondary")}>
              {t("common.edit")}
            </Link>
          )}
          {generation.canRegister && (
            <Link href={`/generations/${generation.id}/import`} className={buttonClasses("secondary")}>
              {t("imports.open")}
            </Link>
          )}
          {generation.canRegister && (
            <Link href={`/generations/${generation.id}/register`} className={buttonClasses("primary")}>
              {t("generations.register")}
            </Link>
          )}
        </div>
      </PageHeader>
      <p className="-mt-4 mb-6 flex flex-wrap items-center gap-2 text-slate-700">
        <Badge tone={generation.status === "ACTIVE" ? "success" : generation.status === "PLANNED" ? "info" : "neutral"}>
          {t(`generationStatuses.${generation.status}`)}
        </Badge>
        <span>{dates}</span>
      </p>
      <Suspense fallback={<p className="py-8 text-slate-700">{t("loading")}</p>}>
        <GenerationSummary actor={actor} generationId={generation.id} />
      </Suspense>
      <Suspense fallback={<p className="py-8 text-slate-700">{t("loading")}</p>}>
        <WorkshopsCard actor={actor} generationId={generation.id} canSchedule={canScheduleIn(actor, generation.program.id)} />
      </Suspense>
      {seesPeople && (
        <Card title={t("exports.title")} className="mt-6">
          <div className="space-y-2">
            <ExportLinks dataset="enrollments" filters={{ generationId: generation.id }} />
            <ExportLinks dataset="attendance" filters={{ generationId: generation.id }} />
          </div>
        </Card>
      )}
      <Card title={t("generations.networks")} className="mt-6">
        <ul className="divide-y divide-slate-100">
          {generation.networks.map((network) => (
            <li key={network.id} className="py-3">
              {seesPeople && can(actor, "read:personal-data", { programId: generation.program.id, networkId: network.id }) ? (
                <TextLink href={`/networks/${network.id}`}>{network.name}</TextLink>
              ) : (
                <span className="font-medium">{network.name}</span>
              )}
              <span className="block text-sm text-slate-700">
                {network.states.map((state) => t(`states.${state}`)).join(", ")}
                {network.convener && ` · ${t("generations.convener", { name: network.convener.shortName ?? network.convener.name })}`}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
