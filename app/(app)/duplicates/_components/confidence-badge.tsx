import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Confidence } from "@/lib/dedupe/duplicate-types";

const TONES = { high: "warning", medium: "info", low: "neutral" } as const;

export async function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const t = await getTranslations("dedupe");
  return <Badge tone={TONES[confidence]}>{t(`confidence.${confidence}`)}</Badge>;
}

/** The reasons a pair was proposed, in words; a similar name says how similar. */
export async function Reasons({ kind, reasons, similarity }: { kind: "PERSON" | "ORGANIZATION"; reasons: string[]; similarity: number }) {
  const t = await getTranslations("dedupe");
  const namespace = kind === "PERSON" ? "reasons" : "organizationReasons";
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("reasonsLabel")}>
      {reasons.map((reason) => (
        <li key={reason}>
          <Badge>
            {reason === "similarName"
              ? t(`${namespace}.similarName`, { percent: Math.round(similarity * 100) })
              : t(`${namespace}.${reason}` as never)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
