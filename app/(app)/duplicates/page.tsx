import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { requireActor } from "@/lib/auth/actor";
import { findDuplicateOrganizations, findDuplicatePeople } from "@/lib/dedupe/find-duplicates";
import { findRecentMerges } from "@/lib/dedupe/find-merges";
import { orNotFound } from "@/lib/http/page-errors";
import { fullName } from "@/lib/people/person-select";
import { PairCard } from "./_components/pair-card";

export async function generateMetadata() {
  const t = await getTranslations("dedupe");
  return { title: t("title") };
}

type SearchParams = Promise<{ kind?: string; page?: string }>;

/** Likely duplicates in the registry, most certain first, each with why and what to do about it. */
export default async function DuplicatesPage({ searchParams }: { searchParams: SearchParams }) {
  const [query, actor] = await Promise.all([searchParams, requireActor()]);
  const kind = query.kind === "organizations" ? "organizations" : "people";
  const page = Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1);
  const [t, format, merges] = await Promise.all([getTranslations(), getFormatter(), orNotFound(findRecentMerges({ actor, take: 5 }))]);
  const result =
    kind === "people"
      ? { kind: "people" as const, ...(await orNotFound(findDuplicatePeople({ actor, page }))) }
      : { kind: "organizations" as const, ...(await orNotFound(findDuplicateOrganizations({ actor, page }))) };

  const tab = (target: "people" | "organizations") => (
    <Link
      href={target === "people" ? "/duplicates" : "/duplicates?kind=organizations"}
      aria-current={kind === target ? "page" : undefined}
      className={buttonClasses(kind === target ? "primary" : "secondary")}
    >
      {t(`dedupe.tabs.${target}`)}
    </Link>
  );

  return (
    <>
      <PageHeader title={t("dedupe.title")} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("dedupe.intro")}</p>
      <nav aria-label={t("dedupe.tabsLabel")} className="mb-4 flex gap-2">
        {tab("people")}
        {tab("organizations")}
      </nav>
      <p className="mb-4 text-slate-800" role="status">
        {t("dedupe.summary", { total: result.total, ...result.byConfidence })}
      </p>
      {result.byConfidence.high > 0 && (
        <p className="mb-4">
          <Link
            href={kind === "people" ? "/duplicates/merge-high" : "/duplicates/merge-high?kind=organizations"}
            className={buttonClasses("secondary")}
          >
            {t("dedupe.mergeHighLink", { count: result.byConfidence.high })}
          </Link>
        </p>
      )}
      {result.total === 0 && <p className="text-slate-700">{t("dedupe.none")}</p>}
      <ol className="space-y-4">
        {result.kind === "people"
          ? result.pairs.map((pair) => (
              <li key={`${pair.first.id}-${pair.second.id}`}>
                <PairCard
                  kind="PERSON"
                  pair={pair}
                  reviewName={fullName(pair.first)}
                  sides={
                    [pair.first, pair.second].map((person) => (
                      <>
                        <p className="font-semibold">
                          <TextLink href={`/people/${person.id}`}>{fullName(person)}</TextLink>
                        </p>
                        <p className="text-sm text-slate-700">{[person.email, person.phone].filter(Boolean).join(" · ")}</p>
                        <p className="text-sm text-slate-700">{person.affiliations.map((a) => a.organization.name).join(", ")}</p>
                        <p className="text-sm text-slate-600">
                          {t("dedupe.personHolds", { enrollments: person._count.enrollments, attendance: person._count.attendance })}
                        </p>
                      </>
                    )) as [ReactNode, ReactNode]
                  }
                />
              </li>
            ))
          : result.pairs.map((pair) => (
              <li key={`${pair.first.id}-${pair.second.id}`}>
                <PairCard
                  kind="ORGANIZATION"
                  pair={pair}
                  reviewName={pair.first.name}
                  sides={
                    [pair.first, pair.second].map((organization) => (
                      <>
                        <p className="font-semibold">
                          <TextLink href={`/organizations/${organization.id}`}>{organization.name}</TextLink>
                        </p>
                        <p className="text-sm text-slate-700">
                          {[t(`states.${organization.state}`), organization.municipality, organization.rfc, organization.website]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                        <p className="text-sm text-slate-600">
                          {t("dedupe.organizationHolds", {
                            networks: organization._count.memberships,
                            people: organization._count.affiliations,
                            enrollments: organization._count.enrollments,
                          })}
                        </p>
                      </>
                    )) as [ReactNode, ReactNode]
                  }
                />
              </li>
            ))}
      </ol>
      <Pagination page={result.page} pageCount={result.pageCount} params={{ kind: kind === "organizations" ? kind : undefined }} />
      <Card title={t("dedupe.recentMerges")} className="mt-8">
        {merges.length === 0 ? (
          <p className="text-slate-700">{t("dedupe.noMerges")}</p>
        ) : (
          <ul className="space-y-2">
            {merges.map((merge) => (
              <li key={merge.id}>
                <TextLink href={`/duplicates/merges/${merge.id}`}>
                  {t("dedupe.mergeLine", {
                    merged: merge.mergedName,
                    when: format.dateTime(merge.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </TextLink>
                {merge.undoneAt && <span className="ml-2 text-sm text-slate-600">{t("dedupe.undoneShort")}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
