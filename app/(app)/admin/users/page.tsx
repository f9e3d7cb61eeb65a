import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/http/page-errors";
import { listParamsSchema } from "@/lib/http/search-params";
import { findUsers } from "@/lib/users/find-users";
import { UserTable } from "./_components/user-table";

const paramsSchema = listParamsSchema.extend({ status: z.enum(["active", "deactivated"]).optional().catch(undefined) });

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [actor, raw, t] = await Promise.all([requireActor(), searchParams, getTranslations("users")]);
  const params = paramsSchema.parse(raw);
  const result = await orNotFound(findUsers({ actor, query: params.q, page: params.page, status: params.status }));

  return (
    <>
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/audit" className={buttonClasses("secondary")}>
            {t("auditLog")}
          </Link>
          <Link href="/admin/users/new" className={buttonClasses("primary")}>
            {t("new")}
          </Link>
        </div>
      </PageHeader>
      <Card>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
          <TextField label={t("searchLabel")} name="q" type="search" defaultValue={params.q} className="min-w-56 flex-1" />
          <SelectField
            label={t("statusLabel")}
            name="status"
            defaultValue={params.status ?? ""}
            options={[
              { value: "", label: t("statusAll") },
              { value: "active", label: t("statusActive") },
              { value: "deactivated", label: t("statusDeactivated") },
            ]}
          />
          <button type="submit" className={buttonClasses("secondary")}>
            {t("search")}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-700" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
        <UserTable users={result.users} />
        <Pagination page={result.page} pageCount={result.pageCount} params={{ q: params.q, status: params.status }} />
      </Card>
    </>
  );
}
