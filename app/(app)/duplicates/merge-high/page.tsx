import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { previewHighConfidenceMerge } from "@/lib/dedupe/merge-high-confidence";
import { orNotFound } from "@/lib/http/page-errors";
import { mergeHighAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("mergeHighTitle") };
}

/** The review screen before "merge all high-confidence pairs": how many records become how many, then one confirmation. */
export default async function MergeHighPage({ searchParams }: { searchParams: Promise<{ kind?: string; generationId?: string }> }) {
  const [query, actor] = await Promise.all([searchParams, requireActor()]);
  const kind = query.kind === "organizations" ? "organizations" : "people";
  const generationId = query.generationId && /^[\w-]{1,64}$/.test(query.generationId) ? query.generationId : undefined;
  const [preview, t] = await Promise.all([
    orNotFound(previewHighConfidenceMerge({ actor, kind, generationId })),
    getTranslations("dedupe"),
  ]);
  const back = kind === "people" ? "/duplicates" : "/duplicates?kind=organizations";
  return (
    <>
      <PageHeader title={t("mergeHighTitle")} />
      <p className="mb-4">
        <TextLink href={back}>{t("back")}</TextLink>
      </p>
      <Card>
        {preview.groups === 0 ? (
          <p>{t("mergeHighNone")}</p>
        ) : (
          <ActionForm action={mergeHighAction} className="space-y-4">
            <input type="hidden" name="kind" value={kind} />
            {generationId && <input type="hidden" name="generationId" value={generationId} />}
            <p data-testid="merge-high-summary">{t("mergeHighIntro", { records: preview.records, groups: preview.groups })}</p>
            <SubmitButton variant="danger">{t("mergeHighConfirm", { records: preview.records })}</SubmitButton>
          </ActionForm>
        )}
      </Card>
    </>
  );
}
