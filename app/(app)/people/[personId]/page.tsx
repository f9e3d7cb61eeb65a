import { MergeHistory } from "@/components/registry/merge-history";
import { ActiveToggle, DeactivatedNotice } from "@/components/registry/record-status";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-errors";
import { getPerson } from "@/lib/people/get-person";
import { getPersonParticipation } from "@/lib/sessions/person-participation";
import { fullName } from "@/lib/people/person-select";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { TextField } from "@/components/ui/field";
import { addAffiliationAction, setEnrollmentStatusAction, setPersonActiveAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ personId: string }> }) {
  const [{ personId }, actor] = await Promise.all([params, requireActor()]);
  return { title: fullName(await orNotFound(getPerson({ actor, personId }))) };
}

export default async function PersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const [{ personId }, actor] = await Promise.all([params, requireActor()]);
  const [person, t, format] = await Promise.all([orNotFound(getPerson({ actor, personId })), getTranslations(), getFormatter()]);
  const canEdit = can(actor, "manage:registry");
  const [organizations, participation] = await Promise.all([
    canEdit ? findOrganizationOptions({ actor }) : Promise.resolve([]),
    getPersonParticipation({ actor, personId: person.id }),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const gender =
    person.gender === "SELF_DESCRIBED" && person.genderSelfDescribed
      ? person.genderSelfDescribed
      : person.gender
        ? t(`genders.${person.gender}`)
        : null;

  return (
    <>
      <TextLink href="/people" className="mb-2 inline-block text-sm">
        {t("people.title")}
      </TextLink>
      <PageHeader title={fullName(person)}>
        {canEdit && (
          <Link href={`/people/${person.id}/edit`} className={buttonClasses("secondary")}>
            {t("common.edit")}
          </Link>
        )}
      </PageHeader>
      <DeactivatedNotice deactivatedAt={person.deactivatedAt} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("people.contactTitle")}>
          <DescriptionList
            items={[
              { term: t("people.email"), value: person.email },
              { term: t("people.phone"), value: person.phone },
              { term: t("people.gender"), value: gender },
              { term: t("people.ageRange"), value: person.ageRange ? t(`ageRanges.${person.ageRange}`) : null },
              { term: t("people.state"), value: person.state ? t(`states.${person.state}`) : null },
            ]}
          />
        </Card>
        <Card title={t("people.affiliationsTitle")}>
          {person.affiliations.length === 0 ? (
            <p className="text-slate-700">{t("people.noAffiliations")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {person.affiliations.map((affiliation) => (
                <li key={affiliation.id} className="py-3">
                  <TextLink href={`/organizations/${affiliation.organization.id}`}>{affiliation.organization.name}</TextLink>
                  {affiliation.title && <span className="block text-sm text-slate-700">{affiliation.title}</span>}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <ActionForm action={addAffiliationAction} className="mt-4 space-y-3 border-t border-slate-100 pt-4">
              <input type="hidden" name="personId" value={person.id} />
              <SelectField
                label={t("people.organization")}
                name="organizationId"
                id="affiliation-organization"
                options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <TextField label={t("people.jobTitle")} name="title" id="affiliation-title" />
              <SubmitButton variant="secondary">{t("people.addAffiliation")}</SubmitButton>
            </ActionForm>
          )}
        </Card>
        <Card title={t("people.enrollmentsTitle")} className="lg:col-span-2">
          {person.enrollments.length === 0 ? (
            <p className="text-slate-700">{t("people.noEnrollments")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="enrollments">
              {person.enrollments.map((enrollment) => (
                <li key={enrollment.id} className="flex flex-wrap items-end justify-between gap-4 py-4">
                  <div>
                    <TextLink href={`/generations/${enrollment.generation.id}`}>{enrollment.generation.name}</TextLink>
                    <span className="block text-sm text-slate-700">
                      {t("people.through", { network: enrollment.network.name, organization: enrollment.organization.name })}
                    </span>
                    <span className="block text-sm text-slate-600">
                      {enrollment.registeredBy
                        ? t("people.registeredBy", { name: enrollment.registeredBy.name, date: date(enrollment.registeredAt) })
                        : t("people.registeredOn", { date: date(enrollment.registeredAt) })}
                      {" · "}
                      {t(`enrollmentSources.${enrollment.source}`)}
                    </span>
                  </div>
                  {canEdit ? (
                    <ActionForm action={setEnrollmentStatusAction} className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="enrollmentId" value={enrollment.id} />
                      <input type="hidden" name="personId" value={person.id} />
                      <SelectField
                        label={t("common.status")}
                        name="status"
                        id={`status-${enrollment.id}`}
                        defaultValue={enrollment.status}
                        options={["REGISTERED", "ACTIVE", "COMPLETED", "WITHDRAWN"].map((status) => ({
                          value: status,
                          label: t(`enrollmentStatuses.${status}`),
                        }))}
                        className="min-w-40"
                      />
                      <SubmitButton variant="secondary">{t("people.changeStatus")}</SubmitButton>
                    </ActionForm>
                  ) : (
                    <Badge>{t(`enrollmentStatuses.${enrollment.status}`)}</Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("attendance.title")} className="lg:col-span-2">
          {participation.length > 0 && (
            <ul className="mb-4 space-y-1" data-testid="participation">
              {participation.map((row) => (
                <li key={row.generationId} className="flex flex-wrap items-center gap-2">
                  <span>{t("people.attendedOf", { generation: row.name, attended: row.attended, held: row.held })}</span>
                  {row.completed && <Badge tone="success">{t("people.completed", { percent: row.completionPercent })}</Badge>}
                  {row.role !== "PARTICIPANT" && <Badge>{t("people.asRole", { role: t(`enrollmentRoles.${row.role}`) })}</Badge>}
                  {row.pending > 0 && <Badge tone="warning">{t("people.pendingSessions", { count: row.pending })}</Badge>}
                </li>
              ))}
            </ul>
          )}
          {person.attendance.length === 0 ? (
            <p className="text-slate-700">{t("people.noAttendance")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="person-attendance">
              {person.attendance.map((row) => (
                <li key={row.session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <TextLink href={`/sessions/${row.session.id}`}>{row.session.workshop.title}</TextLink>
                    <span className="block text-sm text-slate-700">
                      {format.dateTime(row.session.startsAt, { dateStyle: "medium", timeZone: row.session.timeZone })}
                    </span>
                  </span>
                  <Badge tone={row.status === "PRESENT" ? "success" : row.status === "LATE" ? "warning" : "neutral"}>
                    {t(`attendance.statuses.${row.status}`)}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <MergeHistory actor={actor} kind="PERSON" id={person.id} />
      {canEdit && <ActiveToggle action={setPersonActiveAction} idName="personId" id={person.id} deactivatedAt={person.deactivatedAt} />}
    </>
  );
}
