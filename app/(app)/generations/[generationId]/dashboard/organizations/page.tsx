import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { DRILL_DOWN_PAGE_SIZE, drillDownSchema, findOrganizationsBehindNumber } from "@/lib/dashboards/find-drill-down";
import { orNotFound } from "@/lib/http/page-errors";
import { DrillDownContext } from "../_components/drill-down-context";
import { paramsWithoutPage, parseDashboardFilters } from "../_lib/dashboard-filters";

export async function generateMetadata() {
  const t = await getTranslations("drillDown");
  return { title: t("organizationsTitle") };
}

/** The organizations behind a number of the dashboard: those the counted people take part through. */
export default async function DrillDownOrganizationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ generationId: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const [{ generationId }, raw, actor] = await Promise.all([params, searchParams, requireActor()]);
  const { query, filters } = parseDashboardFilters(raw);
  const drill = drillDownSchema.parse(raw);
  const [result, t, format] = await Promise.all([
    orNotFound(findOrganizationsBehindNumber({ actor, generationId, filters, drill })),
    getTranslations(),
    getFormatter(),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / DRILL_DOWN_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t("drillDown.organizationsCount", { count: result.total })} />
      <DrillDownContext generation={result.generation} query={query} drill={drill} kind="organizations" />
      <Table caption={t("drillDown.organizationsCount", { count: result.total })}>
        <thead>
          <tr>
            <Th>{t("drillDown.organization")}</Th>
            <Th>{t("totals.state")}</Th>
            <Th>{t("drillDown.organizationType")}</Th>
            <Th className="text-right">{t("totals.people")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.organizations.map((organization) => (
            <tr key={organization.id}>
              <Td>
                <TextLink href={`/organizations/${organization.id}`}>{organization.name}</TextLink>
              </Td>
              <Td>{t(`states.${organization.state}` as never)}</Td>
              <Td>{t(`organizationTypes.${organization.type}` as never)}</Td>
              <Td className="text-right tabular-nums">{format.number(organization.people)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={drill.page} pageCount={pageCount} params={paramsWithoutPage(raw)} />
    </>
  );
}
