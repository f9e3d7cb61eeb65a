import { getFormatter, getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { getPersonMergePair } from "@/lib/dedupe/get-merge-pair";
import { orNotFound } from "@/lib/http/page-errors";
import { fullName } from "@/lib/people/person-select";
import { mergePeopleAction } from "../../../actions";
import { MergeForm, type MergeField } from "../../../_components/merge-form";
import { MergePageFrame } from "../../../_components/merge-page-frame";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("mergePeopleTitle") };
}

/** Two people side by side: what each holds, why they look alike, and the merge form. */
export default async function MergePeoplePage({ params }: { params: Promise<{ firstId: string; secondId: string }> }) {
  const [{ firstId, secondId }, actor] = await Promise.all([params, requireActor()]);
  const [{ people, score }, t, format] = await Promise.all([
    orNotFound(getPersonMergePair({ actor, ids: [firstId, secondId] })),
    getTranslations(),
    getFormatter(),
  ]);
  const [first, second] = people as [(typeof people)[number], (typeof people)[number]];
  const weight = (person: typeof first) => person.enrollments.length + person._count.attendance;
  const keep = weight(second) > weight(first) ? "second" : "first";
  const option = (namespace: "genders" | "ageRanges" | "states", value: string | null) =>
    value ? t(`${namespace}.${value}` as never) : null;
  const fields: MergeField[] = [
    { name: "givenNames", label: t("people.givenNames"), first: first.givenNames, second: second.givenNames },
    { name: "firstSurname", label: t("people.firstSurname"), first: first.firstSurname, second: second.firstSurname },
    { name: "secondSurname", label: t("people.secondSurname"), first: first.secondSurname, second: second.secondSurname },
    { name: "email", label: t("people.email"), first: first.email, second: second.email },
    { name: "phone", label: t("people.phone"), first: first.phone, second: second.phone },
    {
      name: "gender",
      label: t("people.gender"),
      first: [option("genders", first.gender), first.genderSelfDescribed].filter(Boolean).join(": ") || null,
      second: [option("genders", second.gender), second.genderSelfDescribed].filter(Boolean).join(": ") || null,
    },
    {
      name: "ageRange",
      label: t("people.ageRange"),
      first: option("ageRanges", first.ageRange),
      second: option("ageRanges", second.ageRange),
    },
    { name: "state", label: t("people.state"), first: option("states", first.state), second: option("states", second.state) },
  ];
  const label = (person: typeof first) =>
    t("dedupe.recordLabel", { name: fullName(person), date: format.dateTime(person.createdAt, { dateStyle: "medium" }) });

  return (
    <MergePageFrame
      kind="PERSON"
      title={t("dedupe.mergePeopleTitle")}
      backHref="/duplicates"
      score={score}
      help={t("dedupe.mergePeopleHelp")}
      records={[first, second].map((person) => ({
        id: person.id,
        title: <TextLink href={`/people/${person.id}`}>{fullName(person)}</TextLink>,
        details: (
          <>
            <li>{t("dedupe.createdOn", { date: format.dateTime(person.createdAt, { dateStyle: "medium" }) })}</li>
            <li>{t("dedupe.organizationsLine", { names: person.affiliations.map((a) => a.organization.name).join(", ") || "—" })}</li>
            {person.enrollments.map((enrollment) => (
              <li key={`${enrollment.generation.name}-${enrollment.network.name}`}>
                {enrollment.generation.name} · {enrollment.network.name} · {t(`enrollmentStatuses.${enrollment.status}`)}
              </li>
            ))}
            <li>{t("dedupe.attendanceMarks", { count: person._count.attendance })}</li>
          </>
        ),
      }))}
      form={
        <MergeForm
          action={mergePeopleAction}
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
