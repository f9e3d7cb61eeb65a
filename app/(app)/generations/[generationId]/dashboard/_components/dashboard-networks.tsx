import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { NetworkTable } from "@/components/totals/network-table";
import type { DashboardTotals } from "@/lib/dashboards/get-generation-dashboard";
import { dashboardHref, type DashboardQuery, type Drill } from "../_lib/dashboard-filters";

// A national program has hundreds of networks: the table pages them.
const TABLE_NETWORKS = 15;

/** Every network side by side (the first ones, or all on request). */
export async function DashboardNetworks({
  totals,
  drill,
  base,
  query,
  allNetworks,
}: {
  totals: Promise<DashboardTotals>;
  drill?: Drill;
  base: string;
  query: DashboardQuery;
  allNetworks: boolean;
}) {
  const [dashboard, t] = await Promise.all([totals, getTranslations()]);
  return (
    <Card title={t("dashboard.networkComparison")} className="mt-6">
      <NetworkTable
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
