import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/sessions/session-list";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { switchToVirtualAction } from "@/app/(app)/workshops/actions";
import type { Actor } from "@/lib/auth/permissions";
import { findWorkshops } from "@/lib/sessions/find-sessions";

export async function WorkshopsCard({ actor, generationId, canSchedule }: { actor: Actor; generationId: string; canSchedule: boolean }) {
  const [workshops, t] = await Promise.all([findWorkshops({ actor, generationId }), getTranslations()]);
  return (
    <Card title={t("workshops.title")} className="mt-6">
      {canSchedule && (
        <div className="mb-4 flex flex-wrap items-start gap-2">
          <Link href={`/generations/${generationId}/workshops/new`} className={buttonClasses("secondary")}>
            {t("workshops.new")}
          </Link>
          <ActionForm action={switchToVirtualAction} className="space-y-2">
            <input type="hidden" name="generationId" value={generationId} />
            <SubmitButton variant="secondary">{t("workshops.switchToVirtual")}</SubmitButton>
          </ActionForm>
        </div>
      )}
      {workshops.length === 0 ? (
        <p className="text-slate-700">{t("workshops.none")}</p>
      ) : (
        <div className="space-y-6">
          {workshops.map((workshop) => (
            <section key={workshop.id}>
              <h3 className="font-semibold">
                <TextLink href={`/workshops/${workshop.id}`}>
                  {workshop.order}. {workshop.title}
                </TextLink>
              </h3>
              <SessionList sessions={workshop.sessions} />
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
