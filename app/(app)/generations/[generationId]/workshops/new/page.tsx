import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { WorkshopForm } from "@/app/(app)/workshops/_components/workshop-form";
import { requireActor } from "@/lib/auth/actor";
import { getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { findWorkshops } from "@/lib/sessions/find-sessions";
import { canScheduleIn } from "@/lib/sessions/scope";

export default async function NewWorkshopPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const generation = await orNotFound(getGeneration({ actor, generationId }));
  if (!canScheduleIn(actor, generation.program.id)) notFound();
  const [workshops, t] = await Promise.all([findWorkshops({ actor, generationId }), getTranslations("workshops")]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <WorkshopForm generationId={generation.id} nextOrder={workshops.length + 1} />
      </Card>
    </>
  );
}
