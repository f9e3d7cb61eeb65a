import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/registry/export-links";
import { ListFilters } from "@/components/registry/list-filters";
import { recordStatusFilter, ResultCount } from "@/components/registry/record-status";
import { stateOptions } from "@/components/registry/options";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findGenerations } from "@/lib/generations/find-generations";
import { orNotFound } from "@/lib/http/page-errors";
import { registryListParams } from "@/lib/http/list-params";
import { isMexicanState } from "@/lib/registry/mexican-states";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { findPeople } from "@/lib/people/find-people";
import { fullName } from "@/lib/people/person-select";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [actor, raw, t] = await Promise.all([requireActor(), searchParams, getTranslations()]);
  // Lists of people and organizations are personal data: other roles get a 404, not an empty page.
  if (!can(actor, "read:personal-data")) notFound();
  const params = registryListParams.parse(raw);
  const state = isMexicanState(params.state) ? params.state : undefined;
  const [result, generations, networks] = await Promise.all([
    orNotFound(
      findPeople({
        actor,
        query: params.q,
        state,
        generationId: params.generationId,
        networkId: params.networkId,
        status: params.status,
        page: params.page,
      }),
    ),
    findGenerations({ actor }),
    findNetworkChoices({ actor }),
  ]);
  return (
    <>
      <PageHeader title={t("people.title")}>
        {can(actor, "manage:registry") && (
          <Link href="/people/new" className={buttonClasses("primary")}>
            {t("people.new")}
          </Link>
        )}
      </PageHeader>
      <Card>
        <ListFilters
          query={params.q}
          clearHref="/people"
          selects={[
            {
              name: "generationId",
              label: t("people.generationFilter"),
              value: params.generationId,
              options: generations.map((g) => ({ value: g.id, label: g.name })),
            },
            {
              name: "networkId",
              label: t("people.networkFilter"),
              value: params.networkId,
              options: networks.map((n) => ({ value: n.id, label: n.name })),
            },
            { name: "state", label: t("people.state"), value: state, options: stateOptions(t) },
            recordStatusFilter(t, params.status),
          ]}
        />
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <ResultCount total={result.total} />
          <ExportLinks dataset="people" filters={{ generationId: params.generationId, networkId: params.networkId }} />
        </div>
        {result.people.length === 0 ? (
          <p className="py-6 text-slate-700">{t("common.empty")}</p>
        ) : (
          <Table caption={t("people.title")}>
            <thead>
              <tr>
                <Th>{t("people.name")}</Th>
                <Th>{t("people.email")}</Th>
                <Th>{t("people.organizations")}</Th>
                <Th>{t("people.state")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.people.map((person) => (
                <tr key={person.id}>
                  <Td>
                    <TextLink href={`/people/${person.id}`}>{fullName(person)}</TextLink>
                  </Td>
                  <Td className="break-all text-slate-700">{person.email ?? "—"}</Td>
                  <Td className="text-slate-700">{person.affiliations.map((a) => a.organization.name).join("; ") || "—"}</Td>
                  <Td className="text-slate-700">{person.state ? t(`states.${person.state}`) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          params={{ q: params.q, state, generationId: params.generationId, networkId: params.networkId, status: params.status }}
        />
      </Card>
    </>
  );
}
