import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "./button";

/** Previous/next links that keep the other URL parameters (search, filters). */
export async function Pagination({
  page,
  pageCount,
  params,
}: {
  page: number;
  pageCount: number;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations("users");
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    if (target > 1) search.set("page", String(target));
    const query = search.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={buttonClasses("secondary")} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={buttonClasses("secondary")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
