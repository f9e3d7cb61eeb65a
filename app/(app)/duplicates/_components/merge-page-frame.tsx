import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { Confidence, OrganizationReason, PersonReason } from "@/lib/dedupe/duplicate-types";
import { ConfidenceBadge, MatchReasons } from "@/components/registry/match-reasons";

export type MergeRecord = { id: string; title: ReactNode; details: ReactNode };

/** The frame both merge pages share: why the pair was proposed, the two records, then the merge form. */
export async function MergePageFrame({
  kind,
  title,
  backHref,
  score,
  records,
  help,
  form,
}: {
  kind: "PERSON" | "ORGANIZATION";
  title: string;
  backHref: string;
  score: { confidence: Confidence; reasons: string[]; similarity: number } | null;
  records: MergeRecord[];
  help: string;
  form: ReactNode;
}) {
  const t = await getTranslations("dedupe");
  return (
    <>
      <PageHeader title={title} />
      <p className="mb-4">
        <TextLink href={backHref}>{t("back")}</TextLink>
      </p>
      {score && (
        <div className="mb-4 flex flex-wrap items-center gap-2">
          <ConfidenceBadge confidence={score.confidence} />
          {kind === "PERSON" ? (
            <MatchReasons kind="person" reasons={score.reasons as PersonReason[]} />
          ) : (
            <MatchReasons kind="organization" reasons={score.reasons as OrganizationReason[]} />
          )}
        </div>
      )}
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        {records.map((record) => (
          <Card key={record.id} title={record.title}>
            <ul className="space-y-1 text-sm text-slate-800">{record.details}</ul>
          </Card>
        ))}
      </div>
      <Card title={t("mergeHeading")}>
        <p className="mb-4 max-w-3xl text-slate-700">{help}</p>
        {form}
      </Card>
    </>
  );
}
