import { getTranslations } from "next-intl/server";
import { ExportButton } from "./export-button";

/** Download links for an export with the list's current filters, showing the download's progress. */
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
        <ExportButton
          key={format}
          href={href(format)}
          format={format}
          label={t("download", { dataset: t(`files.${dataset}`), format: t(format) })}
        />
      ))}
    </div>
  );
}
