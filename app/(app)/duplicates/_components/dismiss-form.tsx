import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { dismissDuplicateAction } from "../actions";

export async function DismissForm({ kind, firstId, secondId }: { kind: "PERSON" | "ORGANIZATION"; firstId: string; secondId: string }) {
  const t = await getTranslations("dedupe");
  return (
    <ActionForm action={dismissDuplicateAction}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="firstId" value={firstId} />
      <input type="hidden" name="secondId" value={secondId} />
      <SubmitButton variant="secondary" pendingLabel={t("dismissing")}>
        {t("dismiss")}
      </SubmitButton>
    </ActionForm>
  );
}
