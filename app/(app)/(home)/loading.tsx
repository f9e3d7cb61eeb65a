import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations();
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-12 text-slate-700">
      <span className="size-5 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" aria-hidden="true" />
      {t("loading")}
    </div>
  );
}
