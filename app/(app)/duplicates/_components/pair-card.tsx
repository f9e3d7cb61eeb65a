import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Confidence, OrganizationReason, PersonReason } from "@/lib/dedupe/duplicate-types";
import { ConfidenceBadge, MatchReasons } from "@/components/registry/match-reasons";
import { DismissForm } from "./dismiss-form";

/** One proposed pair: how sure and why, the two records side by side, and the two ways to settle it. */
export async function PairCard({
  kind,
  pair,
  sides,
  reviewName,
}: {
  kind: "PERSON" | "ORGANIZATION";
  pair: { confidence: Confidence; reasons: string[]; similarity: number; first: { id: string }; second: { id: string } };
  sides: [ReactNode, ReactNode];
  reviewName: string;
}) {
  const t = await getTranslations("dedupe");
  const path = kind === "PERSON" ? "people" : "organizations";
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <ConfidenceBadge confidence={pair.confidence} />
        {kind === "PERSON" ? (
          <MatchReasons kind="person" reasons={pair.reasons as PersonReason[]} />
        ) : (
          <MatchReasons kind="organization" reasons={pair.reasons as OrganizationReason[]} />
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>{sides[0]}</div>
        <div>{sides[1]}</div>
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Link href={`/duplicates/${path}/${pair.first.id}/${pair.second.id}`} className={buttonClasses("primary")}>
          {t("review", { name: reviewName })}
        </Link>
        <DismissForm kind={kind} firstId={pair.first.id} secondId={pair.second.id} />
      </div>
    </Card>
  );
}
