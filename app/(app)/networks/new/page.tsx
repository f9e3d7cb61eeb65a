import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/permissions";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { NetworkForm } from "../_components/network-form";

export default async function NewNetworkPage() {
  const actor = await requireActor();
  const scope = scopeOf(actor, "manage:registry");
  if (!scope.all && !scope.programIds.length) notFound();
  const [organizations, t] = await Promise.all([findOrganizationOptions({ actor }), getTranslations("networks")]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <NetworkForm organizations={organizations} />
      </Card>
    </>
  );
}
