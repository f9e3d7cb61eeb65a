import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { ProgramForm } from "../_components/program-form";

export default async function NewProgramPage() {
  const actor = await requireActor();
  if (!can(actor, "manage:users")) notFound();
  const t = await getTranslations("programs");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <Card>
        <ProgramForm />
      </Card>
    </>
  );
}
