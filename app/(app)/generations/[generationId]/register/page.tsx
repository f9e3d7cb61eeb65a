import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { findRegistrableNetworks, getGeneration } from "@/lib/generations/get-generation";
import { orNotFound } from "@/lib/http/page-errors";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { ParticipantForm } from "@/components/registry/participant-form";
import { registerParticipantAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("register");
  return { title: t("title") };
}

export default async function RegisterParticipantPage({ params }: { params: Promise<{ generationId: string }> }) {
  const [{ generationId }, actor] = await Promise.all([params, requireActor()]);
  const [generation, networks, t] = await Promise.all([
    orNotFound(getGeneration({ actor, generationId })),
    orNotFound(findRegistrableNetworks({ actor, generationId })),
    getTranslations(),
  ]);
  const organizationLists = await Promise.all(networks.map((network) => findOrganizationOptions({ actor, networkId: network.id })));
  const organizationsByNetwork = Object.fromEntries(networks.map((network, index) => [network.id, organizationLists[index] ?? []]));
  return (
    <>
      <TextLink href={`/generations/${generation.id}`} className="mb-2 inline-block text-sm">
        {generation.name}
      </TextLink>
      <PageHeader title={t("register.title")} />
      <Card>
        <p className="mb-6 text-slate-700">{t("register.intro", { generation: generation.name })}</p>
        {networks.length ? (
          <ParticipantForm
            action={registerParticipantAction}
            hidden={{ generationId: generation.id }}
            networks={networks}
            organizationsByNetwork={organizationsByNetwork}
            submitLabel={t("register.submit")}
            anotherHref={`/generations/${generation.id}/register`}
            withJoinedOn
          />
        ) : (
          <p>{t("errors.FORBIDDEN")}</p>
        )}
      </Card>
    </>
  );
}
