import { getFormatter, getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { getOrganizationMergePair } from "@/lib/dedupe/get-merge-pair";
import { orNotFound } from "@/lib/http/page-errors";
import { mergeOrganizationsAction } from "../../../actions";
import { MergeForm, type MergeField } from "../../../_components/merge-form";
import { MergePageFrame } from "../../../_components/merge-page-frame";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("mergeOrganizationsTitle") };
}

export default async function MergeOrganizationsPage({ params }: { params: Promise<{ firstId: string; secondId: string }> }) {
  const [{ firstId, secondId }, actor] = await Promise.all([params, requireActor()]);
  const [{ organizations, score }, t, format] = await Promise.all([
    orNotFound(getOrganizationMergePair({ actor, ids: [firstId, secondId] })),
    getTranslations(),
    getFormatter(),
  ]);
  const [first, second] = organizations as [(typeof organizations)[number], (typeof organizations)[number]];
  const weight = (organization: typeof first) => organization._count.affiliations + organization._count.enrollments;
  const keep = weight(second) > weight(first) ? "second" : "first";
  const fields: MergeField[] = [
    { name: "name", label: t("organizations.name"), first: first.name, second: second.name },
    { name: "shortName", label: t("organizations.shortName"), first: first.shortName, second: second.shortName },
    {
      name: "type",
      label: t("organizations.type"),
      first: t(`organizationTypes.${first.type}`),
      second: t(`organizationTypes.${second.type}`),
    },
    { name: "state", label: t("organizations.state"), first: t(`states.${first.state}`), second: t(`states.${second.state}`) },
    { name: "municipality", label: t("organizations.municipality"), first: first.municipality, second: second.municipality },
    { name: "website", label: t("organizations.website"), first: first.website, second: second.website },
    { name: "rfc", label: t("organizations.rfc"), first: first.rfc, second: second.rfc },
  ];
  const label = (organization: typeof first) =>
    t("dedupe.recordLabel", { name: organization.name, date: format.dateTime(organization.createdAt, { dateStyle: "medium" }) });

  return (
    <MergePageFrame
      kind="ORGANIZATION"
      title={t("dedupe.mergeOrganizationsTitle")}
      backHref="/duplicates?kind=organizations"
      score={score}
      help={t("dedupe.mergeOrganizationsHelp")}
      records={[first, second].map((organization) => ({
        id: organization.id,
        title: <TextLink href={`/organizations/${organization.id}`}>{organization.name}</TextLink>,
        details: (
          <>
            <li>{t("dedupe.createdOn", { date: format.dateTime(organization.createdAt, { dateStyle: "medium" }) })}</li>
            <li>{t("dedupe.networksLine", { names: organization.memberships.map((m) => m.network.name).join(", ") || "—" })}</li>
            <li>
              {t("dedupe.organizationHolds", {
                networks: organization.memberships.length,
                people: organization._count.affiliations,
                enrollments: organization._count.enrollments,
              })}
            </li>
          </>
        ),
      }))}
      form={
        <MergeForm
          action={mergeOrganizationsAction}
          firstId={first.id}
          secondId={second.id}
          labels={{ first: label(first), second: label(second) }}
          keep={keep}
          fields={fields}
        />
      }
    />
  );
}
