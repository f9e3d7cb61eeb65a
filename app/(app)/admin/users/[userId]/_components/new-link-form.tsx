"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { createInvitationAction } from "../../actions";
import { OneTimeLink } from "../../_components/one-time-link";
import { SubmissionId } from "@/components/ui/submission-id";

export function NewLinkForm({ userId }: { userId: string }) {
  const t = useTranslations("userDetail");
  const [state, formAction] = useActionState(createInvitationAction, initialActionState);
  return (
    <form action={formAction} className="space-y-3">
      <SubmissionId answered={state} />
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-700">{t("newLinkHelp")}</p>
      <SubmitButton variant="secondary">{t("newLink")}</SubmitButton>
      <FormMessage state={state} />
      {state.data?.invitationUrl && <OneTimeLink url={state.data.invitationUrl} />}
    </form>
  );
}
