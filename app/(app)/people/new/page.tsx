import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { PersonForm } from "../_components/person-form";

export async function generateMetadata() {
  const t = await getTranslations("people");
  return { title: t("newTitle") };
}

export default async function NewPersonPage() {
  const actor = await requireActor();
  if (!can(actor, "manage:registry")) notFound();
  const [organizations, t] = await Promise.all([findOrganizationOptions({ actor }), getTranslations("people")]);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <PersonForm organizations={organizations} />
      </Card>
    </>
  );
}
