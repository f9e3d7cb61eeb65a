import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/_actions/sign-out";
import { can, type Actor } from "@/lib/auth/permissions";
import { buttonClasses } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks, type NavLink } from "./nav-links";

/** Navigation shows only what the user's grants allow; each page still checks for itself. */
async function navigationFor(actor: Actor): Promise<NavLink[]> {
  const t = await getTranslations("nav");
  const registry = can(actor, "read:personal-data");
  return [
    { href: "/", label: t("home") },
    ...(can(actor, "read:aggregates") || can(actor, "read:program") ? [{ href: "/generations", label: t("generations") }] : []),
    ...(can(actor, "record:attendance:own") || can(actor, "record:attendance:any") ? [{ href: "/sessions", label: t("sessions") }] : []),
    ...(registry
      ? [
          { href: "/people", label: t("people") },
          { href: "/organizations", label: t("organizations") },
          { href: "/networks", label: t("networks") },
        ]
      : []),
    ...(can(actor, "merge:registry") ? [{ href: "/duplicates", label: t("duplicates") }] : []),
    ...(can(actor, "manage:users") ? [{ href: "/admin/users", label: t("users") }] : []),
    { href: "/account", label: t("account") },
  ];
}

export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const [t, links] = await Promise.all([getTranslations(), navigationFor(actor)]);
  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("nav.signOut")}
      </button>
    </form>
  );
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center text-xl font-bold text-brand-800">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.label")} className="hidden lg:block">
            <NavLinks links={links} orientation="horizontal" />
          </nav>
          <div className="hidden items-center gap-3 lg:flex">
            <span className="sr-only">{t("nav.signedInAs", { name: actor.name })}</span>
            <LanguageSwitcher />
            {signOut}
          </div>
          {/* A native disclosure: keyboard- and screen-reader-friendly without any script. */}
          <details className="group relative lg:hidden">
            <summary className={buttonClasses("secondary", "cursor-pointer list-none")}>{t("nav.menu")}</summary>
            <div className="absolute right-0 z-40 mt-2 w-64 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
              <p className="truncate px-3 text-sm text-slate-700">{t("nav.signedInAs", { name: actor.name })}</p>
              <nav aria-label={t("nav.label")}>
                <NavLinks links={links} orientation="vertical" />
              </nav>
              <LanguageSwitcher />
              {signOut}
            </div>
          </details>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
