import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { findNetworkOptions } from "@/lib/networks/find-network-options";
import { findProgramOptions } from "@/lib/programs/find-programs";
import { getUser } from "@/lib/users/get-user";
import { deactivateUserAction, reactivateUserAction, revokeGrantAction } from "../actions";
import { AddGrantForm } from "./_components/add-grant-form";
import { NewLinkForm } from "./_components/new-link-form";

export async function generateMetadata({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireActor();
  const user = await orNotFound(getUser({ actor, userId }));
  return { title: user.name };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const [{ userId }, actor] = await Promise.all([params, requireActor()]);
  const user = await orNotFound(getUser({ actor, userId }));
  const [t, format, programs, networks] = await Promise.all([
    getTranslations(),
    getFormatter(),
    findProgramOptions({ actor }),
    findNetworkOptions({ actor }),
  ]);
  const isSelf = user.id === actor.userId;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });

  return (
    <>
      <Link href="/admin/users" className="mb-2 inline-block text-sm text-brand-700 underline">
        {t("users.back")}
      </Link>
      <PageHeader title={user.name} />
      <p className="-mt-4 mb-6 break-all text-slate-700">
        {user.email} · {t("userDetail.createdOn", { date: date(user.createdAt) })}
        {isSelf && ` · ${t("userDetail.self")}`}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("userDetail.grantsTitle")}>
          {user.grants.length === 0 ? (
            <p className="text-slate-700">{t("userDetail.noGrants")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="grant-list">
              {user.grants.map((grant) => (
                <li key={grant.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium">{t(`roles.${grant.role}`)}</p>
                    <p className="text-sm text-slate-700">
                      {grant.program
                        ? t("userDetail.scopeProgram", { name: grant.program.name })
                        : grant.network
                          ? t("userDetail.scopeNetwork", { name: grant.network.name })
                          : t("userDetail.scopeAll")}
                    </p>
                  </div>
                  <ActionForm action={revokeGrantAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="grantId" value={grant.id} />
                    <SubmitButton variant="ghost">
                      <span aria-hidden="true">{t("userDetail.revoke")}</span>
                      <span className="sr-only">{t("userDetail.revokeLabel", { role: t(`roles.${grant.role}`) })}</span>
                    </SubmitButton>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-6 mb-3 font-semibold">{t("userDetail.addGrantTitle")}</h3>
          <AddGrantForm userId={user.id} programs={programs} networks={networks} />
        </Card>
        <div className="space-y-6">
          <Card title={t("userDetail.accessTitle")}>
            <p className="mb-1 text-slate-700">{user.hasPassword ? t("userDetail.hasPassword") : t("userDetail.noPassword")}</p>
            {user.pendingInvitationExpiresAt && (
              <p className="mb-3 text-slate-700">{t("userDetail.invitationPending", { date: date(user.pendingInvitationExpiresAt) })}</p>
            )}
            {!user.deactivatedAt && <NewLinkForm userId={user.id} />}
          </Card>
          {!isSelf && (
            <Card title={t("userDetail.statusTitle")}>
              {user.deactivatedAt ? (
                <ActionForm action={reactivateUserAction} className="space-y-3">
                  <p className="text-slate-700">{t("userDetail.deactivatedOn", { date: date(user.deactivatedAt) })}</p>
                  <input type="hidden" name="userId" value={user.id} />
                  <SubmitButton variant="secondary">{t("userDetail.reactivate")}</SubmitButton>
                </ActionForm>
              ) : (
                <ActionForm action={deactivateUserAction} className="space-y-3">
                  <p className="text-slate-700">{t("userDetail.deactivateHelp")}</p>
                  <input type="hidden" name="userId" value={user.id} />
                  <SubmitButton variant="danger">{t("userDetail.deactivate")}</SubmitButton>
                </ActionForm>
              )}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
