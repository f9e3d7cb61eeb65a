import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Confidence } from "@/lib/dedupe/duplicate-types";

const TONES = { high: "warning", medium: "info", low: "neutral" } as const;

export async function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const t = await getTranslations("dedupe");
  return <Badge tone={TONES[confidence]}>{t(`confidence.${confidence}`)}</Badge>;
}

/** The reasons a pair was proposed, in words; a similar name says how similar. */
export async function Reasons({ reasons, similarity }: { reasons: string[]; similarity: number }) {
  const t = await getTranslations("dedupe");
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("reasonsLabel")}>
      {reasons.map((reason) => (
        <li key={reason}>
          <Badge>
            {reason === "similarName"
              ? t("reasons.similarName", { percent: Math.round(similarity * 100) })
              : t(`reasons.${reason}` as never)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
