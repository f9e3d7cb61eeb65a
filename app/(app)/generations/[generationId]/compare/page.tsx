import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { compareGenerations } from "@/lib/dashboards/compare-generations";
import { orNotFound } from "@/lib/http/page-errors";
import type { SuppressedCount } from "@/lib/totals/suppress";

type Kpis = NonNullable<Awaited<ReturnType<typeof compareGenerations>>["comparison"]>["generations"][number]["kpis"];

export async function generateMetadata() {
  const t = await getTranslations("compare");
  return { title: t("title") };
}

/** Two generations of a program side by side, with the people and organizations that came back. */
export default async function CompareGenerationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ generationId: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const [{ generationId }, raw, actor] = await Promise.all([params, searchParams, requireActor()]);
  const otherGenerationId = typeof raw.with === "string" && raw.with.length <= 64 ? raw.with : undefined;
  const [result, t, format] = await Promise.all([
    orNotFound(compareGenerations({ actor, generationId, otherGenerationId })),
    getTranslations(),
    getFormatter(),
  ]);
  const { comparison } = result;
  const number = (value: SuppressedCount) => (typeof value === "number" ? format.number(value) : value);
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));

  return (
    <>
      <TextLink href={`/generations/${generationId}/dashboard`} className="mb-2 inline-block text-sm">
        {t("dashboard.title")}
      </TextLink>
      <PageHeader title={t("compare.title")} />
      {result.candidates.length === 0 || !comparison ? (
        <Card>
          <p>{t("compare.none", { program: result.program.name })}</p>
        </Card>
      ) : (
        <>
          <Card className="mb-6">
            <form method="get" className="flex flex-wrap items-end gap-3">
              <SelectField
                label={t("compare.with")}
                name="with"
                defaultValue={comparison.generations.find((g) => g.id !== generationId)?.id}
                options={result.candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              />
              <button type="submit" className={buttonClasses("secondary")}>
                {t("compare.submit")}
              </button>
            </form>
          </Card>
          <Card className="mb-6">
            <p className="text-lg font-semibold text-brand-800" data-testid="returning-people">
              {t("compare.returningPeople", {
                returning: number(comparison.returning.people),
                enrolled: comparison.returning.laterEnrolledPeople,
                later: comparison.generations[1].name,
                earlier: comparison.generations[0].name,
              })}
            </p>
            <p className="mt-2 text-slate-800">
              {t("compare.returningOrganizations", {
                returning: number(comparison.returning.organizations),
                enrolled: comparison.returning.laterEnrolledOrganizations,
                later: comparison.generations[1].name,
                earlier: comparison.generations[0].name,
              })}
            </p>
            <p className="mt-2 text-sm text-slate-600">{t("compare.returningRule")}</p>
          </Card>
          <Table caption={t("compare.title")}>
            <thead>
              <tr>
                <Th>{t("compare.measure")}</Th>
                {comparison.generations.map((generation) => (
                  <Th key={generation.id} className="text-right">
                    {generation.name}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [t("dashboard.tookPart"), (k) => format.number(k.people)],
                  [t("totals.organizations"), (k) => format.number(k.organizations)],
                  [t("totals.networks"), (k) => format.number(k.networks)],
                  [t("totals.states"), (k) => format.number(k.states)],
                  [t("totals.enrolled"), (k) => format.number(k.enrolled)],
                  [t("totals.sessionsHeld"), (k) => format.number(k.sessionsHeld)],
                  [t("totals.attendanceRate"), (k) => percent(k.attendanceRate)],
                  [t("dashboard.completionRate"), (k) => percent(k.completionRate)],
                  [t("dashboard.virtualShare"), (k) => percent(k.virtualShare)],
                ] as Array<[string, (kpis: Kpis) => string]>
              ).map(([label, value]) => (
                <tr key={label}>
                  <Th scope="row">{label}</Th>
                  {comparison.generations.map((generation) => (
                    <Td key={generation.id} className="text-right tabular-nums">
                      {value(generation.kpis)}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
