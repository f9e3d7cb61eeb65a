"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFormStatus } from "react-dom";

const STEPS = ["checking", "organizations", "people", "affiliations", "enrollments"] as const;
type Progress = { step: (typeof STEPS)[number] | "done"; done: number; total: number };

/** While the commit form is sending, asks the server how far the commit is and shows it as a bar. */
export function CommitProgress({ importId }: { importId: string }) {
  const t = useTranslations("imports");
  const { pending } = useFormStatus();
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/imports/${importId}/progress`, { cache: "no-store" });
        if (response.ok && !stopped) setProgress(((await response.json()) as { progress: Progress | null }).progress);
      } catch {
        // A missed poll only delays the bar; the commit itself is unaffected.
      }
    };
    void poll();
    const timer = setInterval(poll, 700);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pending, importId]);

  if (!pending) return null;
  const index = progress && progress.step !== "done" ? STEPS.indexOf(progress.step) : 0;
  const fraction = progress && progress.total > 0 ? progress.done / progress.total : 0;
  const percent = progress?.step === "done" ? 100 : Math.round(((index + fraction) / STEPS.length) * 100);
  const step = progress?.step ?? "checking";
  return (
    <div className="space-y-1" data-testid="commit-progress">
      <progress max={100} value={percent} aria-label={t("progressLabel")} className="h-3 w-full accent-brand-700" />
      <p role="status" className="text-sm text-slate-700">
        {t(`progress.${step}`)}
        {progress && progress.total > 0 && ` · ${t("progressRows", { done: progress.done, total: progress.total })}`}
      </p>
    </div>
  );
}
