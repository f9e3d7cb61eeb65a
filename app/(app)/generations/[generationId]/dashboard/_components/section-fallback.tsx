import { getTranslations } from "next-intl/server";

/** Where a dashboard section will appear, while its numbers are counted. */
export async function SectionFallback({ minHeight }: { minHeight: string }) {
  const t = await getTranslations();
  return (
    <div className="mb-6 rounded-lg border border-slate-200 bg-white p-6 text-slate-700" style={{ minHeight }} aria-busy="true">
      {t("loading")}
    </div>
  );
}
