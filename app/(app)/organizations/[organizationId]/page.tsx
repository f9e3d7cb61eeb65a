import { MergeHistory } from "@/components/registry/merge-history";
import { ActiveToggle, DeactivatedNotice } from "@/components/registry/record-status";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findEnrollmentTargets } from "@/lib/enrollments/find-enrollment-targets";
import { orNotFound } from "@/lib/http/page-errors";
import { getOrganization } from "@/lib/organizations/get-organization";
import { fullName } from "@/lib/people/person-select";
import { setOrganizationActiveAction } from "../actions";
import { EnrollPeopleForm } from "./_components/enroll-people-form";

export async function generateMetadata({ params }: { params: Promise<{ organizationId: string }> }) {
  const [{ organizationId }, actor] = await Promise.all([params, requireActor()]);
  return { title: (await orNotFound(getOrganization({ actor, organizationId }))).name };
}

export default async function OrganizationPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const [{ organizationId }, actor] = await Promise.all([params, requireActor()]);
  const canEdit = can(actor, "manage:registry");
  const [organization, t, targets] = await Promise.all([
    orNotFound(getOrganization({ actor, organizationId })),
    getTranslations(),
    canEdit ? findEnrollmentTargets({ actor }) : Promise.resolve([]),
  ]);
  const activePeople = organization.affiliations.filter((affiliation) => !affiliation.person.deactivatedAt);

  return (
    <>
      <TextLink href="/organizations" className="mb-2 inline-block text-sm">
        {t("organizations.title")}
      </TextLink>
      <PageHeader title={organization.name}>
        {organization.canChange && (
          <Link href={`/organizations/${organization.id}/edit`} className={buttonClasses("secondary")}>
            {t("common.edit")}
          </Link>
        )}
      </PageHeader>
      <DeactivatedNotice deactivatedAt={organization.deactivatedAt} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("people.contactTitle")}>
          <DescriptionList
            items={[
              { term: t("organizations.shortName"), value: organization.shortName },
              { term: t("organizations.type"), value: t(`organizationTypes.${organization.type}`) },
              { term: t("organizations.state"), value: t(`states.${organization.state}`) },
              { term: t("organizations.municipality"), value: organization.municipality },
              { term: t("organizations.website"), value: organization.website },
              { term: t("organizations.rfc"), value: organization.rfc },
              { term: t("organizations.networks"), value: organization.memberships.map((m) => m.network.name).join(", ") || null },
            ]}
          />
        </Card>
        <Card title={t("organizations.generationsTitle")}>
          {organization.generations.length === 0 ? (
            <p className="text-slate-700">{t("organizations.noGenerations")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {organization.generations.map((generation) => (
                <li key={generation.id} className="flex justify-between gap-3 py-3">
                  <TextLink href={`/generations/${generation.id}`}>{generation.name}</TextLink>
                  <span className="text-sm text-slate-700">{t("organizations.peopleCount", { count: generation.people })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("organizations.peopleTitle")}>
          {organization.affiliations.length === 0 ? (
            <p className="text-slate-700">{t("organizations.noPeople")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {organization.affiliations.map(({ person, title }) => (
                <li key={person.id} className="py-3">
                  <TextLink href={`/people/${person.id}`}>{fullName(person)}</TextLink>
                  {title && <span className="block text-sm text-slate-700">{title}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canEdit && activePeople.length > 0 && (
          <Card title={t("organizations.enrollTitle")}>
            {targets.length ? (
              <EnrollPeopleForm
                organizationId={organization.id}
                people={activePeople.map(({ person }) => ({ id: person.id, name: fullName(person) }))}
                targets={targets}
              />
            ) : (
              <p className="text-slate-700">{t("organizations.noEnrollTargets")}</p>
            )}
          </Card>
        )}
      </div>
      <MergeHistory actor={actor} kind="ORGANIZATION" id={organization.id} />
      {organization.canChange && (
        <ActiveToggle
          action={setOrganizationActiveAction}
          idName="organizationId"
          id={organization.id}
          deactivatedAt={organization.deactivatedAt}
        />
      )}
    </>
  );
}
