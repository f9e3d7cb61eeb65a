import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { findNetworkOptions } from "@/lib/networks/find-network-options";
import { findProgramOptions } from "@/lib/programs/find-programs";
import { CreateUserForm } from "./_components/create-user-form";

export async function generateMetadata() {
  const t = await getTranslations("userForm");
  return { title: t("title") };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, "manage:users")) notFound();
  const [t, programs, networks] = await Promise.all([getTranslations(), findProgramOptions({ actor }), findNetworkOptions({ actor })]);
  return (
    <>
      <Link href="/admin/users" className="mb-2 inline-block text-sm text-brand-700 underline">
        {t("users.back")}
      </Link>
      <PageHeader title={t("userForm.title")} />
      <Card>
        <p className="mb-4 text-slate-700">{t("userForm.intro")}</p>
        <CreateUserForm programs={programs} networks={networks} />
      </Card>
    </>
  );
}
