import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { orNotFound } from "@/lib/http/page-errors";
import { getPerson } from "@/lib/people/get-person";
import { versionOf } from "@/lib/records/record-version";
import { PersonForm } from "../../_components/person-form";

export default async function EditPersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const [{ personId }, actor] = await Promise.all([params, requireActor()]);
  const person = await orNotFound(getPerson({ actor, personId }));
  if (!can(actor, "manage:registry")) notFound();
  const t = await getTranslations("people");
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <Card>
        <PersonForm
          person={{
            id: person.id,
            givenNames: person.givenNames,
            firstSurname: person.firstSurname,
            secondSurname: person.secondSurname,
            email: person.email,
            phone: person.phone,
            gender: person.gender,
            genderSelfDescribed: person.genderSelfDescribed,
            ageRange: person.ageRange,
            state: person.state,
            version: versionOf(person),
          }}
        />
      </Card>
    </>
  );
}
