import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { GenerationForm } from "../_components/generation-form";

export default async function NewGenerationPage({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const [{ programId }, actor, t] = await Promise.all([searchParams, requireActor(), getTranslations("generations")]);
  if (!programId || !can(actor, "manage:registry", { programId })) notFound();
  const networks = await findNetworkChoices({ actor });
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <GenerationForm programId={programId} networks={networks} />
      </Card>
    </>
  );
}
