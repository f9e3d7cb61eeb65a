import { ActiveToggle, DeactivatedNotice } from "@/components/registry/record-status";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-errors";
import { getNetwork } from "@/lib/networks/find-networks";
import { fullName } from "@/lib/people/person-select";
import { setNetworkActiveAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ networkId: string }> }) {
  const [{ networkId }, actor] = await Promise.all([params, requireActor()]);
  return { title: (await orNotFound(getNetwork({ actor, networkId }))).name };
}

export default async function NetworkPage({ params }: { params: Promise<{ networkId: string }> }) {
  const [{ networkId }, actor] = await Promise.all([params, requireActor()]);
  const [network, t] = await Promise.all([orNotFound(getNetwork({ actor, networkId })), getTranslations()]);
  // Liaisons edit their network's data, not whether it takes part: the toggle stays with program roles.
  const scope = scopeOf(actor, "manage:registry");
  const programWide = scope.all || scope.programIds.length > 0;
  return (
    <>
      <TextLink href="/networks" className="mb-2 inline-block text-sm">
        {t("networks.title")}
      </TextLink>
      <PageHeader title={network.name}>
        {network.canChange ? (
          <Link href={`/networks/${network.id}/edit`} className={buttonClasses("secondary")}>
            {t("common.edit")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="-mt-4 mb-6 text-slate-700">
        {network.states.map((state) => t(`states.${state}`)).join(", ")}
        {network.convener && ` · ${t("generations.convener", { name: network.convener.shortName ?? network.convener.name })}`}
      </p>
      <DeactivatedNotice deactivatedAt={network.deactivatedAt} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`${t("networks.members")} (${network.members.length})`}>
          {network.members.length === 0 ? (
            <p className="text-slate-700">{t("networks.noMembers")}</p>
          ) : (
            <ul className="max-h-[32rem] divide-y divide-slate-100 overflow-y-auto">
              {network.members.map((organization) => (
                <li key={organization.id} className="py-2">
                  <TextLink href={`/organizations/${organization.id}`}>{organization.name}</TextLink>
                  {organization.municipality && <span className="block text-sm text-slate-700">{organization.municipality}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("networks.generationsTitle")}>
          {network.generations.map((generation) => (
            <details key={generation.id} className="border-b border-slate-100 py-3" open={network.generations.length === 1}>
              <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                <span className="font-medium">{generation.name}</span>
                <Badge>{t("networks.participantsCount", { count: generation.participants.length })}</Badge>
              </summary>
              {generation.participants.length === 0 ? (
                <p className="py-2 text-slate-700">{t("networks.noParticipants")}</p>
              ) : (
                <Table caption={generation.name}>
                  <thead>
                    <tr>
                      <Th>{t("people.name")}</Th>
                      <Th>{t("people.organization")}</Th>
                      <Th>{t("common.status")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {generation.participants.map((participant) => (
                      <tr key={`${participant.person.id}-${participant.organization.id}`}>
                        <Td>
                          <TextLink href={`/people/${participant.person.id}`}>{fullName(participant.person)}</TextLink>
                        </Td>
                        <Td className="text-slate-700">{participant.organization.name}</Td>
                        <Td className="text-slate-700">{t(`enrollmentStatuses.${participant.status}`)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </details>
          ))}
        </Card>
      </div>
      {programWide && network.canChange && (
        <ActiveToggle action={setNetworkActiveAction} idName="networkId" id={network.id} deactivatedAt={network.deactivatedAt} />
      )}
    </>
  );
}
