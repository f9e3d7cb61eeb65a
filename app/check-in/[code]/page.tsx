import { getFormatter, getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/shell/auth-card";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { checkInWindow, findCheckInSession } from "@/lib/sessions/check-in";
import { CheckInForm } from "./_components/check-in-form";

export async function generateMetadata() {
  const t = await getTranslations("checkIn");
  return { title: t("pageTitle") };
}

export default async function CheckInPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [session, t, format] = await Promise.all([
    /^[A-Za-z0-9]{6,12}$/.test(code) ? findCheckInSession(code) : null,
    getTranslations("checkIn"),
    getFormatter(),
  ]);
  if (!session)
    return (
      <AuthCard title={t("pageTitle")} subtitle={t("outcomes.unknown-code")} footer={<LanguageSwitcher className="justify-center" />}>
        {null}
      </AuthCard>
    );
  const window = session.status === "CANCELLED" ? "closed" : checkInWindow(session);
  const when = format.dateTime(session.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: "America/Mexico_City" });
  return (
    <AuthCard
      title={session.workshop.title}
      subtitle={`${session.workshop.generation.name} · ${when}`}
      footer={<LanguageSwitcher className="justify-center" />}
    >
      {/* Before it opens or once it closed, say so instead of offering a form that can only refuse. */}
      {window === "open" ? (
        <>
          <p className="mb-4 text-slate-700">{t("intro")}</p>
          <CheckInForm code={code} />
        </>
      ) : (
        <p className="text-slate-800" data-testid="check-in-state">
          {t(`outcomes.${window}`)}
        </p>
      )}
    </AuthCard>
  );
}
