import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-errors";
import { getProgram } from "@/lib/programs/get-program";

export default async function ProgramPage({ params }: { params: Promise<{ programId: string }> }) {
  const [{ programId }, actor] = await Promise.all([params, requireActor()]);
  const [program, t, format] = await Promise.all([orNotFound(getProgram({ actor, programId })), getTranslations(), getFormatter()]);
  const year = (value: Date | null) => (value ? format.dateTime(value, { year: "numeric", timeZone: "UTC" }) : "");
  return (
    <>
      <PageHeader title={program.name}>
        {can(actor, "manage:users") && (
          <Link href={`/programs/${program.id}/edit`} className={buttonClasses("secondary")}>
            {t("common.edit")}
          </Link>
        )}
        {can(actor, "manage:registry", { programId }) && (
          <Link href={`/generations/new?programId=${program.id}`} className={buttonClasses("primary")}>
            {t("generations.new")}
          </Link>
        )}
      </PageHeader>
      {program.description && <p className="-mt-4 mb-6 max-w-3xl text-slate-700">{program.description}</p>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("programs.generations")}>
          {program.generations.length === 0 ? (
            <p className="text-slate-700">{t("programs.noGenerations")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {program.generations.map((generation) => (
                <li key={generation.id} className="flex items-center justify-between gap-3 py-3">
                  <span>
                    <TextLink href={`/generations/${generation.id}`}>{generation.name}</TextLink>
                    <span className="block text-sm text-slate-700">{year(generation.startDate)}</span>
                  </span>
                  <Badge>{t(`generationStatuses.${generation.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("programs.partners")}>
          <ul className="divide-y divide-slate-100">
            {program.partners.map((partner) => (
              <li key={`${partner.role}-${partner.organization.id}`} className="py-3">
                <span className="font-medium">{partner.organization.shortName ?? partner.organization.name}</span>
                <span className="block text-sm text-slate-700">{t(`partnerRoles.${partner.role}`)}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
