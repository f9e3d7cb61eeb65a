import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { auditFiltersSchema, findAuditEvents } from "@/lib/audit/find-audit-events";
import { requireActor } from "@/lib/auth/actor";
import { DEFAULT_TIME_ZONE } from "@/lib/sessions/schedule";
import { orNotFound } from "@/lib/http/page-errors";
import { listParamsSchema } from "@/lib/http/search-params";

const paramsSchema = auditFiltersSchema.extend({ page: listParamsSchema.shape.page });

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** The audit log for admins: filter by action, user, record and dates; export what the filter shows. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [actor, raw, t, format] = await Promise.all([requireActor(), searchParams, getTranslations("audit"), getFormatter()]);
  const { page, ...filters } = paramsSchema.parse(raw);
  const result = await orNotFound(findAuditEvents({ actor, filters, page }));
  const families = [...new Set(result.actions.map((action) => action.split(".")[0]!))];
  const filterParams: Record<string, string | undefined> = { ...filters };
  const exportHref = (kind: "csv" | "xlsx") => {
    const search = new URLSearchParams({ format: kind });
    for (const [key, value] of Object.entries(filterParams)) if (value) search.set(key, value);
    return `/api/v1/audit-events?${search}`;
  };

  return (
    <>
      <PageHeader title={t("title")}>
        <div className="flex flex-wrap gap-2">
          <a href={exportHref("csv")} className={buttonClasses("secondary")} download>
            {t("exportCsv")}
          </a>
          <a href={exportHref("xlsx")} className={buttonClasses("secondary")} download>
            {t("exportXlsx")}
          </a>
        </div>
      </PageHeader>
      <Card>
        <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
        <form method="get" role="search" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3">
          <SelectField
            label={t("action")}
            name="action"
            defaultValue={filters.action ?? ""}
            options={[
              { value: "", label: t("allActions") },
              ...families.map((family) => ({ value: family, label: t("family", { family }) })),
              ...result.actions.map((action) => ({ value: action, label: action })),
            ]}
          />
          <TextField label={t("user")} name="user" type="search" defaultValue={filters.user} className="min-w-48" />
          <TextField label={t("targetType")} name="targetType" defaultValue={filters.targetType} className="w-36" />
          <TextField label={t("targetId")} name="targetId" defaultValue={filters.targetId} className="w-48" />
          <TextField label={t("from")} name="from" type="date" defaultValue={filters.from} />
          <TextField label={t("to")} name="to" type="date" defaultValue={filters.to} />
          <button type="submit" className={buttonClasses("secondary")}>
            {t("apply")}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-700" aria-live="polite" data-testid="audit-count">
          {t("count", { count: result.total })}
        </p>
        {result.events.length === 0 ? (
          <p className="py-6 text-slate-700">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  {(["createdAt", "action", "userName", "target", "data"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-semibold">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.events.map((event) => (
                  <tr key={event.id}>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: DEFAULT_TIME_ZONE })}
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{event.action}</td>
                    <td className="py-2 pr-4">{event.userEmail ? `${event.userName} · ${event.userEmail}` : t("noUser")}</td>
                    <td className="py-2 pr-4 font-mono text-xs break-all">
                      {event.targetType} · {event.targetId}
                    </td>
                    <td className="py-2 font-mono text-xs break-all">{event.data ? JSON.stringify(event.data) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} params={filterParams} />
      </Card>
    </>
  );
}
