"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { FileField } from "@/components/ui/file-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { uploadImportAction } from "../../../../imports/actions";
import { SubmissionId } from "@/components/ui/submission-id";

export function UploadImportForm({ generationId }: { generationId: string }) {
  const t = useTranslations("imports");
  const [state, formAction] = useActionState(uploadImportAction, initialActionState);
  const error = state.fieldErrors?.file;
  return (
    <form action={formAction} className="space-y-3">
      <SubmissionId answered={state} />
      <input type="hidden" name="generationId" value={generationId} />
      <FileField
        id="import-file"
        name="file"
        label={t("file")}
        help={t("fileHelp")}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        errors={error}
      />
      <FormMessage state={state.status === "error" && error ? { ...state, message: undefined } : state} />
      <SubmitButton>{t("upload")}</SubmitButton>
    </form>
  );
}
