import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const [actor, t] = await Promise.all([requireActor(), getTranslations("account")]);
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("profileTitle")}>
          <dl className="space-y-3">
            <div>
              <dt className="text-sm text-slate-600">{t("name")}</dt>
              <dd className="font-medium">{actor.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("email")}</dt>
              <dd className="font-medium break-all">{actor.email}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("languageTitle")}>
          <p className="mb-3 text-slate-700">{t("languageHelp")}</p>
          <LanguageSwitcher />
        </Card>
        <Card title={t("passwordTitle")} className="lg:col-span-2">
          <p className="mb-4 text-slate-700">{t("passwordHelp")}</p>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
