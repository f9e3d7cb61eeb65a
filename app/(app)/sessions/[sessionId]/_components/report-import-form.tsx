"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { FileField } from "@/components/ui/file-field";
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
      <FileField id="report-file" name="report" label={t("file")} accept=".csv,text/csv" errors={state.fieldErrors?.report} />
      <FormMessage state={summary} />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </form>
  );
}
