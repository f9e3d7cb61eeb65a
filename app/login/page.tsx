import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { AuthCard } from "@/components/shell/auth-card";
import { getActor } from "@/lib/auth/actor";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const [{ from }, actor, t] = await Promise.all([searchParams, getActor(), getTranslations("login")]);
  if (actor) redirect(safeRedirectPath(from));
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} footer={<LanguageSwitcher className="justify-center" />}>
      <LoginForm redirectTo={from ? safeRedirectPath(from) : undefined} />
      <p className="mt-6 text-sm text-slate-700">{t("forgot")}</p>
    </AuthCard>
  );
}
