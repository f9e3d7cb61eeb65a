import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { getNetwork } from "@/lib/networks/find-networks";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { versionOf } from "@/lib/records/record-version";
import { NetworkForm } from "../../_components/network-form";

export default async function EditNetworkPage({ params }: { params: Promise<{ networkId: string }> }) {
  const [{ networkId }, actor] = await Promise.all([params, requireActor()]);
  const network = await orNotFound(getNetwork({ actor, networkId }));
  if (!network.canChange) notFound();
  const [organizations, t] = await Promise.all([findOrganizationOptions({ actor }), getTranslations("networks")]);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Card>
        <NetworkForm
          organizations={organizations}
          network={{
            id: network.id,
            name: network.name,
            shortName: network.shortName,
            states: network.states,
            convenerOrganizationId: network.convener?.id ?? null,
            version: versionOf(network),
          }}
        />
      </Card>
    </>
  );
}
