import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { PartnerRole } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/http/page-errors";
import { findOrganizationOptions } from "@/lib/organizations/find-organizations";
import { getProgram } from "@/lib/programs/get-program";
import { addPartnerAction, removePartnerAction } from "../../actions";
import { versionOf } from "@/lib/records/record-version";
import { ProgramForm } from "../../_components/program-form";

export default async function EditProgramPage({ params }: { params: Promise<{ programId: string }> }) {
  const [{ programId }, actor] = await Promise.all([params, requireActor()]);
  if (!can(actor, "manage:users")) notFound();
  const [program, organizations, t] = await Promise.all([
    orNotFound(getProgram({ actor, programId })),
    findOrganizationOptions({ actor }),
    getTranslations(),
  ]);
  return (
    <>
      <PageHeader title={t("programs.editTitle")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <ProgramForm program={{ id: program.id, name: program.name, description: program.description, version: versionOf(program) }} />
        </Card>
        <Card title={t("programs.partners")}>
          <ul className="mb-4 divide-y divide-slate-100">
            {program.partners.map((partner) => (
              <li key={`${partner.role}-${partner.organization.id}`} className="flex items-center justify-between gap-3 py-2">
                <span>
                  <span className="font-medium">{partner.organization.shortName ?? partner.organization.name}</span>
                  <span className="block text-sm text-slate-700">{t(`partnerRoles.${partner.role}`)}</span>
                </span>
                <ActionForm action={removePartnerAction}>
                  <input type="hidden" name="programId" value={program.id} />
                  <input type="hidden" name="organizationId" value={partner.organization.id} />
                  <input type="hidden" name="role" value={partner.role} />
                  <SubmitButton variant="ghost">{t("userDetail.revoke")}</SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
          <ActionForm action={addPartnerAction} className="space-y-3">
            <input type="hidden" name="programId" value={program.id} />
            <SelectField
              label={t("programs.partnerOrganization")}
              name="organizationId"
              options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <SelectField
              label={t("programs.partnerRole")}
              name="role"
              options={Object.values(PartnerRole).map((role) => ({ value: role, label: t(`partnerRoles.${role}`) }))}
            />
            <SubmitButton variant="secondary">{t("programs.addPartner")}</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
