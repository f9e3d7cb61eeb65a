"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type NavLink = { href: string; label: string };

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Shows that a click registered while the next page loads on a slow connection. */
function PendingDot() {
  const { pending } = useLinkStatus();
  return <span aria-hidden="true" className={cn("ml-2 size-2 rounded-full bg-brand-700", pending ? "animate-pulse" : "invisible")} />;
}

export function NavLinks({ links, orientation }: { links: NavLink[]; orientation: "horizontal" | "vertical" }) {
  const pathname = usePathname();
  return (
    <ul className={cn("flex gap-1", orientation === "vertical" ? "flex-col" : "flex-row items-center")}>
      {links.map((link) => {
        const current = isCurrent(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center rounded-md px-3 text-sm font-medium",
                current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {link.label}
              <PendingDot />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
