import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Confidence, OrganizationReason, PersonReason } from "@/lib/dedupe/duplicate-types";

const TONES = { high: "warning", medium: "info", low: "neutral" } as const;

/** How sure the matcher is that two records are one; the same words on the duplicates page, the forms and the import review. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const t = useTranslations("duplicates");
  return <Badge tone={TONES[confidence]}>{t(`confidence.${confidence}`)}</Badge>;
}

/** The reasons the matcher gives for a pair, in words. */
export function MatchReasons({
  kind,
  reasons,
}: { kind: "person"; reasons: PersonReason[] } | { kind: "organization"; reasons: OrganizationReason[] }) {
  const t = useTranslations("duplicates");
  const label = (reason: string) =>
    kind === "person" ? t(`personReason.${reason as PersonReason}`) : t(`organizationReason.${reason as OrganizationReason}`);
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("reasonsLabel")}>
      {reasons.map((reason) => (
        <li key={reason}>
          <Badge>{label(reason)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Where a candidate takes part and how to reach them (masked), for telling namesakes apart. */
export function CandidateContext({
  candidate,
}: {
  candidate: {
    organization: string | null;
    network: string | null;
    state: string | null;
    maskedEmail?: string | null;
    maskedPhone?: string | null;
  };
}) {
  const t = useTranslations("duplicates");
  const states = useTranslations("states");
  const contacts = [candidate.maskedEmail, candidate.maskedPhone].filter(Boolean).join(" · ");
  return (
    <span className="block text-sm text-slate-700">
      {t("context", {
        organization: candidate.organization ?? t("unknown"),
        network: candidate.network ?? t("unknown"),
        state: candidate.state ? states(candidate.state as never) : t("unknown"),
      })}
      {contacts && <span className="block">{t("contacts", { contacts })}</span>}
    </span>
  );
}
