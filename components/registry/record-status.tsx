import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/actions/action-state";
import type { FilterSelect } from "./list-filters";

/** The "active / deactivated" filter every registry list offers. */
export function recordStatusFilter(t: (key: string) => string, value?: string): FilterSelect {
  return {
    name: "status",
    label: t("common.recordStatus"),
    value,
    options: [
      { value: "active", label: t("common.statusActive") },
      { value: "deactivated", label: t("common.statusDeactivated") },
    ],
  };
}

export async function DeactivatedNotice({ deactivatedAt }: { deactivatedAt: Date | null }) {
  if (!deactivatedAt) return null;
  const t = await getTranslations("common");
  return (
    <Alert tone="info" className="mb-6">
      {t("deactivatedNotice")}
    </Alert>
  );
}

/** Deactivate (soft delete) or restore a record; `idName` is the id field the action expects. */
export async function ActiveToggle({
  action,
  idName,
  id,
  deactivatedAt,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  idName: string;
  id: string;
  deactivatedAt: Date | null;
}) {
  const t = await getTranslations("common");
  return (
    <ActionForm action={action} className="mt-6 space-y-3">
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="active" value={deactivatedAt ? "true" : "false"} />
      <SubmitButton variant={deactivatedAt ? "secondary" : "danger"}>{deactivatedAt ? t("restore") : t("deactivate")}</SubmitButton>
    </ActionForm>
  );
}

export async function ResultCount({ total }: { total: number }) {
  const t = await getTranslations("common");
  return (
    <p className="mb-2 text-sm text-slate-700" aria-live="polite">
      {t("results", { count: total })}
    </p>
  );
}
