import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { findOrganizationsBehindNumber } from "@/lib/dashboards/find-drill-down";
import { orNotFound } from "@/lib/http/page-errors";
import { DrillDownFrame } from "../_components/drill-down-frame";
import { readDrillDownRequest, type DrillDownPageProps } from "../_lib/drill-down-request";

export async function generateMetadata() {
  const t = await getTranslations("drillDown");
  return { title: t("organizationsTitle") };
}

/** The organizations behind a number of the dashboard: those the counted people take part through. */
export default async function DrillDownOrganizationsPage(props: DrillDownPageProps) {
  const { actor, generationId, raw, query, filters, drill } = await readDrillDownRequest(props);
  const [result, t, format] = await Promise.all([
    orNotFound(findOrganizationsBehindNumber({ actor, generationId, filters, drill })),
    getTranslations(),
    getFormatter(),
  ]);
  const title = t("drillDown.organizationsCount", { count: result.total });
  return (
    <DrillDownFrame
      title={title}
      total={result.total}
      generation={result.generation}
      query={query}
      drill={drill}
      kind="organizations"
      raw={raw}
    >
      <Table caption={title}>
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
    </DrillDownFrame>
  );
}
