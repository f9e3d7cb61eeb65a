import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { deactivateGenerationAction } from "../../actions";
import { versionOf } from "@/lib/records/record-version";
import { GenerationForm } from "../../_components/generation-form";

const isoDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");

export default async function EditGenerationPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const generation = await orNotFound(getGeneration({ actor, generationId }));
  if (!can(actor, "manage:registry", { programId: generation.program.id })) notFound();
  const [networks, t, common] = await Promise.all([
    findNetworkChoices({ actor }),
    getTranslations("generations"),
    getTranslations("common"),
  ]);
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
            version: versionOf(generation),
          }}
        />
      </Card>
      <ActionForm action={deactivateGenerationAction} className="mt-6 space-y-3">
        <input type="hidden" name="generationId" value={generation.id} />
        <SubmitButton variant="danger">{common("deactivate")}</SubmitButton>
      </ActionForm>
    </>
  );
}
