import type { createFormatter, createTranslator } from "next-intl";
import type { DrillDown } from "./find-drill-down";

/** The dashboard's filters as written in its URL. */
export type FilterQuery = { networkId?: string; state?: string; modality?: string; from?: string; to?: string };

type Translate = ReturnType<typeof createTranslator>;
type Format = ReturnType<typeof createFormatter>;

/** The filters (and the clicked cell, for drill-downs) in force, as "Label: value" phrases for people to read. */
export function describeFilters(
  t: Translate,
  format: Format,
  query: FilterQuery,
  networkNames: Map<string, string>,
  drill?: Partial<DrillDown>,
): string[] {
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium" });
  const network = (id: string) => `${t("totals.network")}: ${networkNames.get(id) ?? id}`;
  const state = (code: string) => `${t("totals.state")}: ${t(`states.${code}` as never)}`;
  const orUnknown = (namespace: string, value: string) =>
    value === "UNKNOWN" ? t("dashboard.unknown") : t(`${namespace}.${value}` as never);
  return [
    query.networkId && network(query.networkId),
    drill?.inNetwork && network(drill.inNetwork),
    query.state && state(query.state),
    drill?.inState && state(drill.inState),
    query.modality && `${t("totals.modality")}: ${t(`modalities.${query.modality}` as never)}`,
    query.from && `${t("dashboard.from")}: ${day(query.from)}`,
    query.to && `${t("dashboard.to")}: ${day(query.to)}`,
    drill?.gender && `${t("drillDown.gender")}: ${orUnknown("genders", drill.gender)}`,
    drill?.ageRange && `${t("drillDown.ageRange")}: ${orUnknown("ageRanges", drill.ageRange)}`,
    drill?.organizationType && `${t("drillDown.organizationType")}: ${t(`organizationTypes.${drill.organizationType}` as never)}`,
  ].filter((phrase): phrase is string => Boolean(phrase));
}
