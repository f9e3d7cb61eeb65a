import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { getMerge } from "@/lib/dedupe/find-merges";
import { orNotFound } from "@/lib/http/page-errors";
import { undoMergeAction } from "../../actions";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("mergeEntryTitle") };
}

/** The record of one merge: who, when, what moved; and the way back. */
export default async function MergeEntryPage({ params }: { params: Promise<{ mergeId: string }> }) {
  const [{ mergeId }, actor] = await Promise.all([params, requireActor()]);
  const [merge, t, format] = await Promise.all([orNotFound(getMerge({ actor, mergeId })), getTranslations(), getFormatter()]);
  const isPerson = merge.kind === "PERSON";
  const survivorHref = `/${isPerson ? "people" : "organizations"}/${merge.survivorId}`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const moved = Object.entries(merge.moved)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => t(`dedupe.tables.${table}` as "dedupe.tables.enrollments", { count }))
    .join(", ");
  const removed = Object.entries(merge.removed)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => t(`dedupe.tables.${table}` as "dedupe.tables.enrollments", { count }))
    .join(", ");

  return (
    <>
      <PageHeader title={t("dedupe.mergeEntryTitle")} />
      <p className="mb-4 flex flex-wrap gap-4">
        <TextLink href="/duplicates">{t("dedupe.back")}</TextLink>
        {merge.batchId && <TextLink href={`/duplicates/batches/${merge.batchId}`}>{t("dedupe.batchOf")}</TextLink>}
      </p>
      <Card>
        <p className="mb-4 text-lg" role="status">
          {merge.undoneAt
            ? t("dedupe.undoneSentence", { merged: merge.mergedName, who: merge.undoneBy?.name ?? "—", when: when(merge.undoneAt) })
            : t("dedupe.mergedSentence", { merged: merge.mergedName, survivor: merge.survivorName ?? "—" })}
        </p>
        <DescriptionList
          items={[
            { term: t("dedupe.mergedBy"), value: `${merge.mergedBy?.name ?? "—"} · ${when(merge.createdAt)}` },
            {
              term: t("dedupe.survivor"),
              value: merge.survivorName ? <TextLink href={survivorHref}>{merge.survivorName}</TextLink> : t("dedupe.survivorGone"),
            },
            {
              term: t("dedupe.changedFields"),
              value: merge.changedFields.length
                ? merge.changedFields.map((field) => t(`${isPerson ? "people" : "organizations"}.${field}` as never)).join(", ")
                : t("dedupe.noneChanged"),
            },
            { term: t("dedupe.moved"), value: moved || t("dedupe.nothing") },
            { term: t("dedupe.removed"), value: removed || t("dedupe.nothing") },
          ]}
        />
        {!merge.undoneAt && (
          <ActionForm action={undoMergeAction} className="mt-6">
            <input type="hidden" name="mergeId" value={merge.id} />
            <p className="mb-3 max-w-3xl text-slate-700">{t("dedupe.undoHelp")}</p>
            <SubmitButton variant="danger" pendingLabel={t("dedupe.undoing")}>
              {t("dedupe.undo")}
            </SubmitButton>
          </ActionForm>
        )}
      </Card>
    </>
  );
}
