"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { FileField } from "@/components/ui/file-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { importReportAction } from "../../actions";
import { SubmissionId } from "@/components/ui/submission-id";

export function ReportImportForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("meetingReport");
  const attendance = useTranslations("attendance");
  const [state, formAction] = useActionState(importReportAction, initialActionState);
  const number = (key: string) => Number(state.data?.[key] ?? 0);
  // The same words and numbers as the roster's counter (attendance-roster.tsx), so the two can be compared at a glance.
  const counter = () =>
    [
      ...(["PRESENT", "LATE", "EXCUSED", "ABSENT"] as const).map(
        (status) => `${attendance(`statuses.${status}`)}: ${number(status.toLowerCase())}`,
      ),
      attendance("unmarked", { count: number("unmarked") }),
    ].join(" · ");
  const summary =
    state.status === "success" && state.data
      ? {
          status: "success",
          message: `${state.message ?? ""} ${t("after", { counts: counter() })} ${t("result", { unmatched: number("unmatched"), kept: number("kept") })}`,
        }
      : state;
  return (
    <form action={formAction} className="space-y-3">
      <SubmissionId answered={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <p className="text-sm text-slate-700">{t("help")}</p>
      <FileField id="report-file" name="report" label={t("file")} accept=".csv,text/csv" errors={state.fieldErrors?.report} />
      <FormMessage state={summary} />
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </form>
  );
}
