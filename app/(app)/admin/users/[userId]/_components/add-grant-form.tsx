"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { assignGrantAction } from "../../actions";
import { GrantFields } from "../../_components/grant-fields";
import { SubmissionId } from "@/components/ui/submission-id";

type Option = { id: string; name: string };

export function AddGrantForm({ userId, programs, networks }: { userId: string; programs: Option[]; networks: Option[] }) {
  const t = useTranslations("userDetail");
  const [state, formAction] = useActionState(assignGrantAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" aria-label={t("addGrantTitle")}>
      <SubmissionId answered={state} />
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <GrantFields
        programs={programs}
        networks={networks}
        errors={state.fieldErrors}
        values={state.status === "error" ? state.values : undefined}
      />
      <SubmitButton>{t("addGrant")}</SubmitButton>
    </form>
  );
}
