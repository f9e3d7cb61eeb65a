import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { DRILL_DOWN_PAGE_SIZE, drillDownSchema, findPeopleBehindNumber } from "@/lib/dashboards/find-drill-down";
import { orNotFound } from "@/lib/http/page-errors";
import { fullName } from "@/lib/people/person-select";
import { DrillDownContext } from "../_components/drill-down-context";
import { paramsWithoutPage, parseDashboardFilters } from "../_lib/dashboard-filters";

export async function generateMetadata() {
  const t = await getTranslations("drillDown");
  return { title: t("peopleTitle") };
}

/** The people behind a number of the dashboard, counted by the same rule. */
export default async function DrillDownPeoplePage({
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
    orNotFound(findPeopleBehindNumber({ actor, generationId, filters, drill })),
    getTranslations(),
    getFormatter(),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / DRILL_DOWN_PAGE_SIZE));
  return (
    <>
      <PageHeader title={t("drillDown.peopleCount", { count: result.total })} />
      <DrillDownContext generation={result.generation} query={query} drill={drill} kind="people" />
      <Table caption={t("drillDown.peopleCount", { count: result.total })}>
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
      <Pagination page={drill.page} pageCount={pageCount} params={paramsWithoutPage(raw)} />
    </>
  );
}
