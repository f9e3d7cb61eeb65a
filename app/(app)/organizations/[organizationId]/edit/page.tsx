import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { getOrganization } from "@/lib/organizations/get-organization";
import { versionOf } from "@/lib/records/record-version";
import { OrganizationForm } from "../../_components/organization-form";

export default async function EditOrganizationPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const [{ organizationId }, actor] = await Promise.all([params, requireActor()]);
  const organization = await orNotFound(getOrganization({ actor, organizationId }));
  if (!organization.canChange) notFound();
  const t = await getTranslations("organizations");
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Card>
        <OrganizationForm
          organization={{
            id: organization.id,
            name: organization.name,
            shortName: organization.shortName,
            type: organization.type,
            state: organization.state,
            municipality: organization.municipality,
            website: organization.website,
            rfc: organization.rfc,
            version: versionOf(organization),
          }}
        />
      </Card>
    </>
  );
}
