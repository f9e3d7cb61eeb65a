import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { NetworkTable } from "@/components/totals/network-table";
import type { DashboardTotals } from "@/lib/dashboards/get-generation-dashboard";
import { dashboardHref, drillOf, type DashboardQuery, type DrillTarget } from "../_lib/dashboard-filters";

// A national program has hundreds of networks: the table pages them.
const TABLE_NETWORKS = 15;

/** Every network side by side (the first ones, or all on request). */
export async function DashboardNetworks(props: {
  totals: Promise<DashboardTotals>;
  drill: DrillTarget;
  base: string;
  query: DashboardQuery;
  allNetworks: boolean;
  yours: string[];
}) {
  const [{ byNetwork }, locale] = await Promise.all([props.totals, getLocale()]);
  const { drill, base, query, allNetworks, yours } = props;
  return <Networks byNetwork={byNetwork} drill={drill} base={base} query={query} allNetworks={allNetworks} locale={locale} yours={yours} />;
}

// Rendered once per set of numbers, drill-down target and language, reused for every viewer of the same (see Headline).
async function Networks({
  byNetwork,
  drill: target,
  base,
  query,
  allNetworks,
  locale,
  yours,
}: {
  byNetwork: DashboardTotals["byNetwork"];
  drill: DrillTarget;
  base: string;
  query: DashboardQuery;
  allNetworks: boolean;
  locale: string;
  yours: string[];
}) {
  "use cache";
  const drill = drillOf(target);
  const t = await getTranslations({ locale });
  const dashboard = { byNetwork };
  return (
    <Card title={t("dashboard.networkComparison")} className="mt-6">
      <NetworkTable
        locale={locale}
        yours={yours}
        rows={allNetworks ? dashboard.byNetwork : dashboard.byNetwork.slice(0, TABLE_NETWORKS)}
        caption={t("dashboard.networkComparison")}
        drillHref={drill && ((networkId, kind) => drill(kind, { inNetwork: networkId }))}
      />
      {!allNetworks && dashboard.byNetwork.length > TABLE_NETWORKS && (
        <p className="mt-3 text-sm">
          <TextLink href={dashboardHref(base, query, { networks: "all" })}>
            {t("dashboard.allNetworks", { total: dashboard.byNetwork.length })}
          </TextLink>
        </p>
      )}
    </Card>
  );
}
