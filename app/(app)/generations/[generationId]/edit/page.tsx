import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { GenerationForm } from "../../_components/generation-form";

const isoDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");

export default async function EditGenerationPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const generation = await orNotFound(getGeneration({ actor, generationId }));
  if (!can(actor, "manage:registry", { programId: generation.program.id })) notFound();
  const [networks, t] = await Promise.all([findNetworkChoices({ actor }), getTranslations("generations")]);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Card>
        <GenerationForm
          programId={generation.program.id}
          networks={networks}
          generation={{
            id: generation.id,
            number: generation.number,
            name: generation.name,
            status: generation.status,
            startDate: isoDate(generation.startDate),
            endDate: isoDate(generation.endDate),
            networkIds: generation.networks.map((network) => network.id),
          }}
        />
      </Card>
    </>
  );
}
