import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/sessions/session-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { findMySessions, findRecentSessions } from "@/lib/sessions/find-sessions";

export async function generateMetadata() {
  const t = await getTranslations("sessions");
  return { title: t("mine") };
}

export default async function MySessionsPage() {
  const actor = await requireActor();
  const [upcoming, recent, t] = await Promise.all([findMySessions({ actor }), findRecentSessions({ actor }), getTranslations("sessions")]);
  return (
    <>
      <PageHeader title={t("mine")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("upcoming")}>
          <SessionList sessions={upcoming} showWorkshop />
        </Card>
        <Card title={t("recent")}>
          <SessionList sessions={recent} showWorkshop />
        </Card>
      </div>
    </>
  );
}
