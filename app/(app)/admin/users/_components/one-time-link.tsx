"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A link shown once, with a copy button; the field is read-only so it can be selected by hand too. */
export function OneTimeLink({ url }: { url: string }) {
  const t = useTranslations("userForm");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label htmlFor="invitation-link" className="block text-sm font-medium text-slate-800">
        {t("invitationLink")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="invitation-link"
          readOnly
          value={url}
          data-testid="invitation-link"
          className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-400 bg-slate-50 px-3 font-mono text-sm"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
        </Button>
      </div>
    </div>
  );
}
