import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { findUsers } from "@/lib/users/find-users";

type Users = Awaited<ReturnType<typeof findUsers>>["users"];

export async function UserTable({ users }: { users: Users }) {
  const t = await getTranslations();
  if (users.length === 0) return <p className="py-6 text-slate-700">{t("users.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {t("users.columnName")}
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {t("users.columnEmail")}
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {t("users.columnRoles")}
            </th>
            <th scope="col" className="py-2 font-semibold">
              {t("users.columnStatus")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id}>
              <td className="py-3 pr-4">
                <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {user.name}
                </Link>
              </td>
              <td className="py-3 pr-4 break-all text-slate-700">{user.email}</td>
              <td className="py-3 pr-4 text-slate-700">
                {user.grants.length === 0
                  ? "—"
                  : user.grants
                      .map(
                        (grant) =>
                          `${t(`roles.${grant.role}`)}${grant.program ? ` · ${grant.program.name}` : ""}${grant.network ? ` · ${grant.network.name}` : ""}`,
                      )
                      .join("; ")}
              </td>
              <td className="py-3">
                {user.deactivatedAt ? (
                  <span className="rounded bg-slate-200 px-2 py-1 text-xs font-medium text-slate-800">{t("users.deactivated")}</span>
                ) : (
                  <span className="rounded bg-emerald-100 px-2 py-1 text-xs font-medium text-emerald-900">{t("users.active")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
