import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findNetworkChoices } from "@/lib/networks/find-networks";
import { OrganizationForm } from "../_components/organization-form";

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("newTitle") };
}

export default async function NewOrganizationPage() {
  const actor = await requireActor();
  if (!can(actor, "manage:registry")) notFound();
  const [networks, t] = await Promise.all([findNetworkChoices({ actor }), getTranslations("organizations")]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <OrganizationForm networks={networks} />
      </Card>
    </>
  );
}
