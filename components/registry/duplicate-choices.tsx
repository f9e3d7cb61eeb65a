"use client";

import { useTranslations } from "next-intl";
import type { OrganizationCandidate, PersonCandidate } from "@/lib/registry/duplicates";

/**
 * Radio choices shown when a new record looks like an existing one: use the
 * existing record, or confirm it is a different one. The choice is posted back
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
  const emailTaken = candidates.some((candidate) => candidate.reason === "email");
  const reason = (candidate: PersonCandidate | OrganizationCandidate) =>
    kind === "person"
      ? t(`personReason.${candidate.reason as PersonCandidate["reason"]}`)
      : t(`organizationReason.${candidate.reason as "name"}`);
  return (
    <fieldset className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid={`duplicates-${kind}`}>
      <legend className="px-1 font-semibold text-amber-950">
        {t("title")} · {t(kind)}
      </legend>
      <p className="text-sm text-amber-950">{t("intro")}</p>
      {candidates.map((candidate, index) =>
        candidate.inScope ? (
          <label key={candidate.id} className="flex min-h-11 items-center gap-3 text-sm">
            <input type="radio" name={`${kind}Choice`} value={`existing:${candidate.id}`} defaultChecked={index === 0} className="size-5" />
            <span>
              <span className="font-medium">{t("useExisting", { name: candidate.name })}</span>
              <span className="block text-amber-950">{reason(candidate)}</span>
            </span>
          </label>
        ) : (
          <p key={index} className="text-sm text-amber-950">
            {reason(candidate)}: {t("outOfScope")}
          </p>
        ),
      )}
      {emailTaken ? (
        <p className="text-sm font-medium text-amber-950">{t("emailTaken")}</p>
      ) : (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="radio"
            name={`${kind}Choice`}
            value="new"
            defaultChecked={!candidates.some((candidate) => candidate.inScope)}
            className="size-5"
          />
          <span className="font-medium">{t("createNew")}</span>
        </label>
      )}
    </fieldset>
  );
}
