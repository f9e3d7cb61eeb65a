"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { importReportAction } from "../../actions";

export function ReportImportForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("meetingReport");
  const [state, formAction] = useActionState(importReportAction, initialActionState);
  const summary =
    state.status === "success" && state.data
      ? {
          status: "success",
          message: `${state.message ?? ""} ${t("result", { matched: Number(state.data.matched), unmatched: Number(state.data.unmatched), absent: Number(state.data.absent), kept: Number(state.data.kept) })}`,
        }
      : state;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="sessionId" value={sessionId} />
      <p className="text-sm text-slate-700">{t("help")}</p>
      <div>
        <label htmlFor="report-file" className="block text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <input
          id="report-file"
          name="report"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby={state.fieldErrors?.report ? "report-file-error" : undefined}
          className="block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border-0 file:bg-slate-200 file:px-3"
        />
        {state.fieldErrors?.report && (
          <p id="report-file-error" className="text-sm font-medium text-red-700">
            {state.fieldErrors.report.join(" ")}
          </p>
        )}
      </div>
      <FormMessage state={summary} />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </form>
  );
}
