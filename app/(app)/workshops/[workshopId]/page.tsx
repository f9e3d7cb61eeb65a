import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/sessions/session-list";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { SessionForm } from "@/app/(app)/sessions/_components/session-form";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { getWorkshop } from "@/lib/sessions/find-sessions";
import { canScheduleIn } from "@/lib/sessions/scope";
import { findFacilitatorOptions } from "@/lib/sessions/schedule";

export default async function WorkshopPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const [{ workshopId }, actor] = await Promise.all([params, requireActor()]);
  const workshop = await orNotFound(getWorkshop({ actor, workshopId }));
  const canSchedule = canScheduleIn(actor, workshop.generation.programId);
  const [t, facilitators] = await Promise.all([
    getTranslations(),
    canSchedule ? findFacilitatorOptions({ actor, programId: workshop.generation.programId }) : [],
  ]);
  return (
    <>
      <TextLink href={`/generations/${workshop.generation.id}`} className="mb-2 inline-block text-sm">
        {workshop.generation.name}
      </TextLink>
      <PageHeader title={workshop.title} />
      <p className="-mt-4 mb-6 text-slate-700">
        {t(`workshops.topics.${workshop.topic}`)}
        {workshop.description && ` · ${workshop.description}`}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("sessions.title")}>
          <SessionList sessions={workshop.sessions} />
        </Card>
        {canSchedule && (
          <Card title={t("sessions.newTitle")}>
            <SessionForm
              workshopId={workshop.id}
              networks={workshop.generation.networks.map((n) => n.network)}
              facilitators={facilitators}
            />
          </Card>
        )}
      </div>
    </>
  );
}
