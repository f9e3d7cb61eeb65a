import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export type FilterSelect = { name: string; label: string; value?: string; options: Array<{ value: string; label: string }> };

/**
 * Search and filters as a plain GET form: the state lives in the URL, so a
 * filtered list can be bookmarked, shared and reloaded.
 */
export async function ListFilters({ query, selects, clearHref }: { query?: string; selects: FilterSelect[]; clearHref: string }) {
  const t = await getTranslations("common");
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <TextField label={t("searchLabel")} name="q" type="search" defaultValue={query} className="min-w-56 flex-1" />
      {selects.map((select) => (
        <SelectField
          key={select.name}
          label={select.label}
          name={select.name}
          defaultValue={select.value ?? ""}
          options={[{ value: "", label: t("any") }, ...select.options]}
          className="min-w-40"
        />
      ))}
      <button type="submit" className={buttonClasses("secondary")}>
        {t("filter")}
      </button>
      <Link href={clearHref} className={buttonClasses("ghost")}>
        {t("clear")}
      </Link>
    </form>
  );
}
