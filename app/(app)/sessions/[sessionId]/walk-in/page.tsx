import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ParticipantForm } from "@/components/registry/participant-form";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { getGeneration } from "@/lib/generations/get-generation";
import { getSession } from "@/lib/sessions/get-session";
import { walkInAction } from "../../actions";
import { splitFullName } from "@/lib/imports/parse-import-row";

export default async function WalkInPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ name?: string; email?: string }>;
}) {
  const [{ sessionId }, { name, email }, actor] = await Promise.all([params, searchParams, requireActor()]);
  const session = await orNotFound(getSession({ actor, sessionId }));
  if (!session.canRecord) notFound();
  const generation = await getGeneration({ actor, generationId: session.workshop.generation.id });
  const audienceIds = new Set(session.allNetworks ? generation.networks.map((n) => n.id) : session.networks.map((n) => n.network.id));
  const networks = generation.networks
    .filter((network) => audienceIds.has(network.id))
    .map(({ id, name: networkName }) => ({ id, name: networkName }));
  const organizationLists = await Promise.all(networks.map((network) => findOrganizationOptions({ actor, networkId: network.id })));
  const t = await getTranslations();
  // A name from a meeting report arrives whole: split it as imports do (particles stay with their surname), as a start.
  const split = splitFullName(name ?? "");
  return (
    <>
      <TextLink href={`/sessions/${session.id}`} className="mb-2 inline-block text-sm">
        {session.workshop.title}
      </TextLink>
      <PageHeader title={t("attendance.walkInTitle")} />
      <Card>
        <p className="mb-6 text-slate-700">{t("attendance.walkInIntro")}</p>
        <ParticipantForm
          action={walkInAction}
          hidden={{ sessionId: session.id }}
          networks={networks}
          organizationsByNetwork={Object.fromEntries(networks.map((network, index) => [network.id, organizationLists[index] ?? []]))}
          defaults={{
            p_givenNames: split.givenNames,
            p_firstSurname: split.firstSurname ?? "",
            p_secondSurname: split.secondSurname ?? "",
            p_email: email ?? "",
          }}
          submitLabel={t("attendance.walkInSubmit")}
          withRoles
        />
      </Card>
    </>
  );
}
