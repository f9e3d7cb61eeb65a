import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/_actions/locale";
import { LOCALES } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

/** Plain form buttons: works before JavaScript loads and with the keyboard. */
export async function LanguageSwitcher({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={setLocaleAction} className={cn("flex items-center gap-1", className)} aria-label={t("change")}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className={cn(
            "min-h-11 rounded-md px-3 text-sm font-medium",
            option === locale ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {t(option)}
        </button>
      ))}
    </form>
  );
}
