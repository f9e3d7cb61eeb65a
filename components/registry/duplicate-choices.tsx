"use client";

import { useTranslations } from "next-intl";
import type { OrganizationReason, PersonReason } from "@/lib/dedupe/duplicate-types";
import type { OrganizationCandidate, PersonCandidate } from "@/lib/registry/duplicates";
import { CandidateContext, ConfidenceBadge, MatchReasons } from "./match-reasons";

/**
 * Radio choices shown when a new record looks like an existing one: use the existing
 * record, or confirm it is a different one. The app's suggestion is preselected and marked:
 * a "high" candidate the user may see, otherwise a new record. The choice is posted back
 * with the rest of the form as `<kind>Choice`.
 */
export function DuplicateChoices({
  kind,
  candidates,
}: {
  kind: "person" | "organization";
  candidates: Array<PersonCandidate | OrganizationCandidate>;
}) {
  const t = useTranslations("duplicates");
  const emailTaken = candidates.some((candidate) => "emailTaken" in candidate && candidate.emailTaken);
  const suggested = candidates.find((candidate) => candidate.inScope && candidate.confidence === "high");
  const reasons = (candidate: PersonCandidate | OrganizationCandidate) =>
    kind === "person" ? (
      <MatchReasons kind="person" reasons={candidate.reasons as PersonReason[]} />
    ) : (
      <MatchReasons kind="organization" reasons={candidate.reasons as OrganizationReason[]} />
    );
  const suggestion = <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">{t("suggested")}</span>;
  return (
    <fieldset className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid={`duplicates-${kind}`}>
      <legend className="px-1 font-semibold text-amber-950">
        {t("title")} · {t(kind)}
      </legend>
      <p className="text-sm text-amber-950">{t("intro")}</p>
      {candidates.map((candidate, index) =>
        candidate.inScope ? (
          <label key={candidate.id} className="flex min-h-11 items-start gap-3 text-sm">
            <input
              type="radio"
              name={`${kind}Choice`}
              value={`existing:${candidate.id}`}
              defaultChecked={candidate === suggested || (emailTaken && !suggested && index === 0)}
              className="mt-0.5 size-5"
            />
            <span className="space-y-1">
              <span className="font-medium">{t("useExisting", { name: candidate.name })}</span>
              {candidate === suggested && suggestion}
              {"organization" in candidate ? (
                <CandidateContext candidate={candidate} />
              ) : (
                candidate.state && <CandidateContext candidate={{ organization: null, network: null, state: candidate.state }} />
              )}
              <span className="flex flex-wrap items-center gap-1">
                <ConfidenceBadge confidence={candidate.confidence} />
                {reasons(candidate)}
              </span>
            </span>
          </label>
        ) : (
          <div key={index} className="text-sm text-amber-950">
            {reasons(candidate)}
            <p>{t("outOfScope")}</p>
          </div>
        ),
      )}
      {emailTaken ? (
        <p className="text-sm font-medium text-amber-950">{t("emailTaken")}</p>
      ) : (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name={`${kind}Choice`} value="new" defaultChecked={!suggested} className="size-5" />
          <span className="font-medium">{t("createNew")}</span>
          {!suggested && suggestion}
        </label>
      )}
    </fieldset>
  );
}
