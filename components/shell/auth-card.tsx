import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The frame of pages used before signing in: sign-in, invitation. */
export async function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center">
          <span className="block text-3xl font-bold text-brand-800">{t("name")}</span>
          <span className="block text-sm text-slate-700">{t("tagline")}</span>
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
          {subtitle && <p className="mt-1 mb-6 text-slate-700">{subtitle}</p>}
          {children}
        </div>
        {footer && <div className="mt-6">{footer}</div>}
      </div>
    </main>
  );
}
