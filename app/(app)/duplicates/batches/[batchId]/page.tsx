import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { getMergeBatch } from "@/lib/dedupe/find-merges";
import { orNotFound } from "@/lib/http/page-errors";
import { undoBatchAction } from "../../actions";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("batchTitle") };
}

/** A bulk merge: each merge it made (with its own entry) and the undo of the whole batch. */
export default async function MergeBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const [{ batchId }, actor] = await Promise.all([params, requireActor()]);
  const [batch, t, format] = await Promise.all([orNotFound(getMergeBatch({ actor, batchId })), getTranslations("dedupe"), getFormatter()]);
  return (
    <>
      <PageHeader title={t("batchTitle")} />
      <p className="mb-4">
        <TextLink href={batch.kind === "PERSON" ? "/duplicates" : "/duplicates?kind=organizations"}>{t("back")}</TextLink>
      </p>
      <Card>
        <p data-testid="batch-line">
          {t("batchLine", {
            count: batch.merges.length,
            who: batch.createdBy?.name ?? "—",
            when: format.dateTime(batch.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
        <ul className="my-4 divide-y divide-slate-100">
          {batch.merges.map((merge) => (
            <li key={merge.id} className="py-2">
              <TextLink href={`/duplicates/merges/${merge.id}`}>{merge.mergedName}</TextLink>
              {merge.undoneAt && <span className="ml-2 text-sm text-slate-600">{t("undoneShort")}</span>}
            </li>
          ))}
        </ul>
        {batch.undoneAt ? (
          <p>{t("batchUndoneOn", { date: format.dateTime(batch.undoneAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
        ) : (
          <ActionForm action={undoBatchAction}>
            <input type="hidden" name="batchId" value={batch.id} />
            <SubmitButton variant="danger">{t("batchUndo")}</SubmitButton>
          </ActionForm>
        )}
      </Card>
    </>
  );
}
