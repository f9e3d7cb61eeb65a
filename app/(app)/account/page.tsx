import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { findApiTokens } from "@/lib/api-tokens/api-tokens";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/actor";
import { revokeApiTokenAction } from "./actions";
import { ChangePasswordForm } from "./_components/change-password-form";
import { CreateTokenForm } from "./_components/create-token-form";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const [t, tokens, tokenT, format] = await Promise.all([
    getTranslations("account"),
    findApiTokens({ actor }),
    getTranslations("apiTokens"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("profileTitle")}>
          <dl className="space-y-3">
            <div>
              <dt className="text-sm text-slate-600">{t("name")}</dt>
              <dd className="font-medium">{actor.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("email")}</dt>
              <dd className="font-medium break-all">{actor.email}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t("languageTitle")}>
          <p className="mb-3 text-slate-700">{t("languageHelp")}</p>
          <LanguageSwitcher />
        </Card>
        <Card title={t("passwordTitle")} className="lg:col-span-2">
          <p className="mb-4 text-slate-700">{t("passwordHelp")}</p>
          <ChangePasswordForm />
        </Card>
        <Card title={tokenT("title")} className="lg:col-span-2">
          <p className="mb-4 text-slate-700">{tokenT("help")}</p>
          {tokens.length === 0 ? (
            <p className="mb-4 text-slate-700">{tokenT("empty")}</p>
          ) : (
            <ul className="mb-4 divide-y divide-slate-100" data-testid="api-tokens">
              {tokens.map((token) => (
                <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <span>
                    <span className="font-medium">{token.name}</span>
                    <span className="block text-sm text-slate-700">
                      {tokenT("createdOn", { date: date(token.createdAt) })} ·{" "}
                      {token.lastUsedAt ? tokenT("lastUsed", { date: date(token.lastUsedAt) }) : tokenT("neverUsed")}
                    </span>
                  </span>
                  <ActionForm action={revokeApiTokenAction}>
                    <input type="hidden" name="tokenId" value={token.id} />
                    <SubmitButton variant="ghost">
                      <span aria-hidden="true">{tokenT("revoke")}</span>
                      <span className="sr-only">{tokenT("revokeLabel", { name: token.name })}</span>
                    </SubmitButton>
                  </ActionForm>
                </li>
              ))}
            </ul>
          )}
          <CreateTokenForm />
        </Card>
      </div>
    </>
  );
}
