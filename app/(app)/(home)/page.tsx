import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { TextLink } from "@/components/ui/text-link";
import { findGenerations } from "@/lib/generations/find-generations";
import { findPrograms } from "@/lib/programs/find-programs";
import { GrantList } from "./_components/grant-list";

export async function generateMetadata() {
  const t = await getTranslations("home");
  return { title: t("title") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const [t, programs, generations] = await Promise.all([getTranslations("home"), findPrograms({ actor }), findGenerations({ actor })]);

  return (
    <>
      <PageHeader title={t("greeting", { name: actor.name })} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("programsTitle")} className="lg:col-span-2">
          {programs.length === 0 && generations.length === 0 ? (
            <div data-testid="no-program-access">
              <p className="font-medium text-slate-900">{t("noAccessTitle")}</p>
              <p className="mt-1 text-slate-700">{t("noAccessBody")}</p>
            </div>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="program-list">
              {programs.map((program) => (
                <li key={program.id} className="py-3">
                  <TextLink href={`/programs/${program.id}`}>{program.name}</TextLink>
                </li>
              ))}
              {generations.map((generation) => (
                <li key={generation.id} className="py-3">
                  <TextLink href={`/generations/${generation.id}`}>{generation.name}</TextLink>
                  <span className="block text-sm text-slate-700">{generation.program.name}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-6">
          <Card title={t("rolesTitle")}>
            <GrantList actor={actor} />
          </Card>
          {can(actor, "manage:users") && (
            <Card title={t("adminTitle")}>
              <p className="mb-4 text-slate-700">{t("adminBody")}</p>
              <div className="flex flex-wrap gap-2">
                <Link href="/admin/users" className={buttonClasses("secondary")}>
                  {t("adminLink")}
                </Link>
                <Link href="/programs/new" className={buttonClasses("secondary")}>
                  {t("newProgram")}
                </Link>
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
