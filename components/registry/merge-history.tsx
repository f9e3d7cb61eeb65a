import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { can, type Actor } from "@/lib/auth/permissions";
import { findMergesInto } from "@/lib/dedupe/find-merges";

/** On a person's or organization's page: the records merged into it, each linking to its entry (and undo). */
export async function MergeHistory({ actor, kind, id }: { actor: Actor; kind: "PERSON" | "ORGANIZATION"; id: string }) {
  if (!can(actor, "merge:registry")) return null;
  const [merges, t, format] = await Promise.all([
    findMergesInto({ actor, kind, survivorId: id }),
    getTranslations("dedupe"),
    getFormatter(),
  ]);
  if (!merges.length) return null;
  return (
    <Card title={t("mergedInto")} className="mt-6">
      <ul className="space-y-2">
        {merges.map((merge) => (
          <li key={merge.id}>
            <TextLink href={`/duplicates/merges/${merge.id}`}>
              {t("mergeLine", {
                merged: merge.mergedName,
                when: format.dateTime(merge.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </TextLink>
            {merge.undoneAt && <span className="ml-2 text-sm text-slate-600">{t("undoneShort")}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
