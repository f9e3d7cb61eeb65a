import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { NetworkTable } from "@/components/totals/network-table";
import { Table, Td, Th } from "@/components/ui/table";
import { ownNetworkIds, type Actor } from "@/lib/auth/permissions";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";

/** The generation's totals, computed from its records; aggregates only, so every role that reaches the page may see it. */
export async function GenerationSummary({ actor, generationId }: { actor: Actor; generationId: string }) {
  const [summary, t, tAll, format] = await Promise.all([
    getGenerationSummary({ actor, generationId }),
    getTranslations("totals"),
    getTranslations(),
    getFormatter(),
  ]);
  const modalityLabel = (modality: string) => tAll(`modalities.${modality}`);
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const kpis = [
    { label: t("people"), value: format.number(summary.people) },
    { label: t("organizations"), value: format.number(summary.organizations) },
    { label: t("networks"), value: format.number(summary.networks) },
    { label: t("states"), value: format.number(summary.states) },
    { label: t("enrolled"), value: format.number(summary.enrolled) },
    { label: t("sessionsHeld"), value: format.number(summary.sessionsHeld) },
    { label: t("attendanceRate"), value: percent(summary.attendanceRate) },
    { label: t("completed", { percent: summary.completionPercent }), value: format.number(summary.completed) },
  ];
  return (
    <div className="space-y-6">
      <Card>
        <p className="text-2xl font-bold text-brand-800 sm:text-3xl" data-testid="headline">
          {t("headline", { people: summary.people, organizations: summary.organizations })}
        </p>
        <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="kpis">
          {kpis.map((kpi) => (
            <div key={kpi.label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-700">{kpi.label}</dt>
              <dd className="text-2xl font-semibold text-slate-900">{kpi.value}</dd>
            </div>
          ))}
        </dl>
        {summary.pendingSessions > 0 && (
          <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="pending-sessions">
            {t("pendingSessions", { count: summary.pendingSessions })}
          </p>
        )}
        {summary.guests !== 0 && (
          <p className="mt-2 text-sm text-slate-700" data-testid="guests">
            {t("guests", { count: String(summary.guests) })}
          </p>
        )}
        <details className="mt-4 text-sm text-slate-700">
          <summary className="cursor-pointer font-medium text-slate-900">{t("definitionTitle")}</summary>
          <p className="mt-2" data-testid="definition">
            {t(`definition.${summary.rule}`)}
          </p>
        </details>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("byNetwork")}>
          <NetworkTable rows={summary.byNetwork} caption={t("byNetwork")} yours={ownNetworkIds(actor)} />
          <p className="mt-3 text-xs text-slate-600">{t("breakdownNote")}</p>
          {summary.suppressed && <p className="mt-1 text-xs text-slate-600">{t("suppressionNote")}</p>}
        </Card>
        <ByStateTable summary={summary} />
        <Card title={t("byModality")}>
          <Table caption={t("byModality")}>
            <thead>
              <tr>
                <Th>{t("modality")}</Th>
                <Th className="text-right">{t("sessionsHeld")}</Th>
                <Th className="text-right">{t("attendanceRate")}</Th>
              </tr>
            </thead>
            <tbody>
              {summary.byModality.map((row) => (
                <tr key={row.modality}>
                  <Td>{modalityLabel(row.modality)}</Td>
                  <Td className="text-right tabular-nums">{format.number(row.sessionsHeld)}</Td>
                  <Td className="text-right tabular-nums">{percent(row.attendanceRate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </div>
  );
}

async function ByStateTable({ summary }: { summary: Awaited<ReturnType<typeof getGenerationSummary>> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <Card title={t("totals.byState")}>
      <Table caption={t("totals.byState")}>
        <thead>
          <tr>
            <Th>{t("totals.state")}</Th>
            <Th className="text-right">{t("totals.people")}</Th>
            <Th className="text-right">{t("totals.organizations")}</Th>
          </tr>
        </thead>
        <tbody>
          {summary.byState.map((row) => (
            <tr key={row.state}>
              <Td>{t(`states.${row.state}`)}</Td>
              <Td className="text-right tabular-nums">{typeof row.people === "number" ? format.number(row.people) : row.people}</Td>
              <Td className="text-right tabular-nums">
                {typeof row.organizations === "number" ? format.number(row.organizations) : row.organizations}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
