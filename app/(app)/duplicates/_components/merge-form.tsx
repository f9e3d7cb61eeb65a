import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/actions/action-state";

export type MergeField = { name: string; label: string; first: string | null; second: string | null };

/**
 * Which record survives, and for every field where the two differ, whose value stays.
 * Defaults: the record that holds more (or the older one), and its value unless it is empty.
 */
export async function MergeForm({
  action,
  firstId,
  secondId,
  labels,
  keep,
  fields,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  firstId: string;
  secondId: string;
  labels: { first: string; second: string };
  keep: "first" | "second";
  fields: MergeField[];
}) {
  const t = await getTranslations("dedupe");
  const other = keep === "first" ? "second" : "first";
  const differing = fields.filter((field) => (field.first ?? "") !== (field.second ?? ""));
  const radio = "size-5 shrink-0 accent-brand-700";
  return (
    <ActionForm action={action} className="space-y-6">
      <input type="hidden" name="firstId" value={firstId} />
      <input type="hidden" name="secondId" value={secondId} />
      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold text-slate-900">{t("keepLegend")}</legend>
        {(["first", "second"] as const).map((side) => (
          <label key={side} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="keep" value={side} defaultChecked={side === keep} className={radio} />
            <span>{labels[side]}</span>
          </label>
        ))}
        <p className="text-sm text-slate-700">{t("keepHelp")}</p>
      </fieldset>
      {differing.length === 0 ? (
        <p className="text-slate-700">{t("sameValues")}</p>
      ) : (
        <div className="space-y-4">
          <h2 className="font-semibold text-slate-900">{t("valuesHeading")}</h2>
          {differing.map((field) => {
            const preferred = field[keep] ? keep : other;
            return (
              <fieldset key={field.name} className="rounded border border-slate-200 p-3">
                <legend className="px-1 font-medium text-slate-900">{field.label}</legend>
                <div className="grid gap-1 sm:grid-cols-2">
                  {(["first", "second"] as const).map((side) => (
                    <label key={side} className="flex min-h-11 items-center gap-3">
                      <input type="radio" name={`field-${field.name}`} value={side} defaultChecked={side === preferred} className={radio} />
                      <span className={field[side] ? "" : "italic text-slate-600"}>{field[side] ?? t("empty")}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      )}
      <SubmitButton pendingLabel={t("merging")}>{t("mergeSubmit")}</SubmitButton>
    </ActionForm>
  );
}
