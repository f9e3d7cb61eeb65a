import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { toLocalInputValue } from "@/lib/dates/zoned";
import { getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { getSession } from "@/lib/sessions/get-session";
import { findFacilitatorOptions } from "@/lib/sessions/schedule";
import { versionOf } from "@/lib/records/record-version";
import { SessionForm } from "../../_components/session-form";

export default async function EditSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const [{ sessionId }, actor] = await Promise.all([params, requireActor()]);
  const session = await orNotFound(getSession({ actor, sessionId }));
  if (!session.canSchedule) notFound();
  const [generation, facilitators, t] = await Promise.all([
    getGeneration({ actor, generationId: session.workshop.generation.id }),
    findFacilitatorOptions({ actor, programId: session.workshop.generation.programId }),
    getTranslations("sessions"),
  ]);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Card>
        <SessionForm
          sessionId={session.id}
          networks={generation.networks}
          facilitators={facilitators}
          session={{
            startsAt: toLocalInputValue(session.startsAt, session.timeZone),
            durationMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
            modality: session.modality,
            place: session.place ?? "",
            meetingUrl: session.meetingUrl ?? "",
            networkIds: session.allNetworks ? [] : session.networks.map((n) => n.network.id),
            facilitatorIds: session.facilitators.map((f) => f.user.id),
            presentPercent: session.presentPercent,
            lateAfterMinutes: session.lateAfterMinutes,
            version: versionOf(session),
          }}
        />
      </Card>
    </>
  );
}
