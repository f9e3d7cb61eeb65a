import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/permissions";

/** The actor's own roles, so people know why they see what they see. */
export async function GrantList({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  if (actor.grants.length === 0) return <p className="text-slate-700">{t("home.noRoles")}</p>;
  const roles = [...new Set(actor.grants.map((grant) => grant.role))];
  return (
    <ul className="space-y-2">
      {roles.map((role) => (
        <li key={role}>
          <p className="font-medium text-slate-900">{t(`roles.${role}`)}</p>
          <p className="text-sm text-slate-700">{t(`roleDescriptions.${role}`)}</p>
        </li>
      ))}
    </ul>
  );
}
