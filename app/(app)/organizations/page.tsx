import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/registry/export-links";
import { ListFilters } from "@/components/registry/list-filters";
import { recordStatusFilter, ResultCount } from "@/components/registry/record-status";
import { organizationTypeOptions, stateOptions } from "@/components/registry/options";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { OrganizationType } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-errors";
import { registryListParams } from "@/lib/http/list-params";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { findOrganizations } from "@/lib/organizations/find-organizations";
import { isMexicanState } from "@/lib/registry/mexican-states";

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [actor, raw, t] = await Promise.all([requireActor(), searchParams, getTranslations()]);
  // Lists of people and organizations are personal data: other roles get a 404, not an empty page.
  if (!can(actor, "read:personal-data")) notFound();
  const params = registryListParams.parse(raw);
  const state = isMexicanState(params.state) ? params.state : undefined;
  const type = params.type && params.type in OrganizationType ? (params.type as OrganizationType) : undefined;
  const [result, networks] = await Promise.all([
    orNotFound(
      findOrganizations({ actor, query: params.q, state, type, networkId: params.networkId, status: params.status, page: params.page }),
    ),
    findNetworkChoices({ actor }),
  ]);
  return (
    <>
      <PageHeader title={t("organizations.title")}>
        {can(actor, "manage:registry") && (
          <Link href="/organizations/new" className={buttonClasses("primary")}>
            {t("organizations.new")}
          </Link>
        )}
      </PageHeader>
      <Card>
        <ListFilters
          query={params.q}
          clearHref="/organizations"
          selects={[
            {
              name: "networkId",
              label: t("organizations.network"),
              value: params.networkId,
              options: networks.map((n) => ({ value: n.id, label: n.name })),
            },
            { name: "type", label: t("organizations.type"), value: type, options: organizationTypeOptions(t) },
            { name: "state", label: t("organizations.state"), value: state, options: stateOptions(t) },
            recordStatusFilter(t, params.status),
          ]}
        />
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <ResultCount total={result.total} />
          <ExportLinks dataset="organizations" filters={{ networkId: params.networkId }} />
        </div>
        {result.organizations.length === 0 ? (
          <p className="py-6 text-slate-700">{t("common.empty")}</p>
        ) : (
          <Table caption={t("organizations.title")}>
            <thead>
              <tr>
                <Th>{t("organizations.name")}</Th>
                <Th>{t("organizations.type")}</Th>
                <Th>{t("organizations.state")}</Th>
                <Th>{t("organizations.networks")}</Th>
                <Th className="text-right">{t("organizations.people")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.organizations.map((organization) => (
                <tr key={organization.id}>
                  <Td>
                    <TextLink href={`/organizations/${organization.id}`}>{organization.name}</TextLink>
                  </Td>
                  <Td className="text-slate-700">{t(`organizationTypes.${organization.type}`)}</Td>
                  <Td className="text-slate-700">
                    {t(`states.${organization.state}`)}
                    {organization.municipality && ` · ${organization.municipality}`}
                  </Td>
                  <Td className="text-slate-700">{organization.memberships.map((m) => m.network.name).join(", ") || "—"}</Td>
                  <Td className="text-right tabular-nums">{organization._count.affiliations}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          params={{ q: params.q, state, type, networkId: params.networkId, status: params.status }}
        />
      </Card>
    </>
  );
}
