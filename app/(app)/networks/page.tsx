import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can, scopeOf } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-errors";
import { findNetworks } from "@/lib/networks/find-networks";

export async function generateMetadata() {
  const t = await getTranslations("networks");
  return { title: t("title") };
}

export default async function NetworksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const [actor, { status }, t] = await Promise.all([requireActor(), searchParams, getTranslations()]);
  // Lists of people and organizations are personal data: other roles get a 404, not an empty page.
  if (!can(actor, "read:personal-data")) notFound();
  const networks = await orNotFound(findNetworks({ actor, status: status === "deactivated" ? "deactivated" : "active" }));
  const scope = scopeOf(actor, "manage:registry");
  return (
    <>
      <PageHeader title={t("networks.title")}>
        {(scope.all || scope.programIds.length > 0) && (
          <Link href="/networks/new" className={buttonClasses("primary")}>
            {t("networks.new")}
          </Link>
        )}
      </PageHeader>
      <Card>
        <Table caption={t("networks.title")}>
          <thead>
            <tr>
              <Th>{t("networks.name")}</Th>
              <Th>{t("networks.states")}</Th>
              <Th>{t("networks.convener")}</Th>
              <Th className="text-right">{t("networks.members")}</Th>
            </tr>
          </thead>
          <tbody>
            {networks.map((network) => (
              <tr key={network.id}>
                <Td>
                  <TextLink href={`/networks/${network.id}`}>{network.name}</TextLink>
                </Td>
                <Td className="text-slate-700">{network.states.map((state) => t(`states.${state}`)).join(", ")}</Td>
                <Td className="text-slate-700">{network.convener?.shortName ?? network.convener?.name ?? "—"}</Td>
                <Td className="text-right tabular-nums">{network._count.members}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-4 text-sm">
          <TextLink href={status === "deactivated" ? "/networks" : "/networks?status=deactivated"}>
            {status === "deactivated" ? t("common.statusActive") : t("common.statusDeactivated")}
          </TextLink>
        </p>
      </Card>
    </>
  );
}
