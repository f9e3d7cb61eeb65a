import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

/** Download links for an export with the list's current filters (plain links: the browser streams the file). */
export async function ExportLinks({
  dataset,
  filters = {},
}: {
  dataset: "people" | "organizations" | "enrollments" | "attendance";
  filters?: Record<string, string | undefined>;
}) {
  const t = await getTranslations("exports");
  const href = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    return `/api/v1/exports/${dataset}?${query}`;
  };
  return (
    <div className="flex flex-wrap gap-2">
      {(["csv", "xlsx"] as const).map((format) => (
        <a key={format} href={href(format)} download className={buttonClasses("ghost", "border border-slate-300")}>
          {t("download", { dataset: t(`files.${dataset}`), format: t(format) })}
        </a>
      ))}
    </div>
  );
}
