import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { findPeopleBehindNumber } from "@/lib/dashboards/find-drill-down";
import { orNotFound } from "@/lib/http/page-errors";
import { fullName } from "@/lib/people/person-select";
import { DrillDownFrame } from "../_components/drill-down-frame";
import { readDrillDownRequest, type DrillDownPageProps } from "../_lib/drill-down-request";

export async function generateMetadata() {
  const t = await getTranslations("drillDown");
  return { title: t("peopleTitle") };
}

/** The people behind a number of the dashboard, counted by the same rule. */
export default async function DrillDownPeoplePage(props: DrillDownPageProps) {
  const { actor, generationId, raw, query, filters, drill } = await readDrillDownRequest(props);
  const [result, t, format] = await Promise.all([
    orNotFound(findPeopleBehindNumber({ actor, generationId, filters, drill })),
    getTranslations(),
    getFormatter(),
  ]);
  const title = t("drillDown.peopleCount", { count: result.total });
  return (
    <DrillDownFrame title={title} total={result.total} generation={result.generation} query={query} drill={drill} kind="people" raw={raw}>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>{t("drillDown.name")}</Th>
            <Th>{t("totals.organizations")}</Th>
            <Th>{t("totals.networks")}</Th>
            <Th className="text-right">{t("drillDown.sessionsAttended")}</Th>
          </tr>
        </thead>
        <tbody>
          {result.people.map((person) => (
            <tr key={person.id}>
              <Td>
                <TextLink href={`/people/${person.id}`}>{fullName(person)}</TextLink>
              </Td>
              <Td>{person.organizations}</Td>
              <Td>{person.networks}</Td>
              <Td className="text-right tabular-nums">
                {t("drillDown.attendedOf", { attended: format.number(person.attended), expected: format.number(person.expected) })}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </DrillDownFrame>
  );
}
