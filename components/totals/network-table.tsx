import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { SuppressedCount } from "@/lib/totals/suppress";

type Row = {
  networkId: string;
  name: string;
  people: SuppressedCount;
  organizations: SuppressedCount;
  sessionsHeld?: number;
  attendanceRate: number | null;
  completionRate?: number | null;
};

/** People, organizations (possibly "<5"), optionally sessions, and attendance per network: the generation page and the dashboard share it. */
export async function NetworkTable({
  rows,
  caption,
  drillHref,
  locale,
  yours = [],
}: {
  rows: Row[];
  caption: string;
  /** Where a count links to (the people or organizations behind it); absent for funders. */
  drillHref?: (networkId: string, kind: "people" | "organizations") => string;
  /** The language, given when rendered inside a cached section (which may not read the request). */
  locale?: string;
  /** The viewer's own networks (a liaison's), marked "Tu red" among the others. */
  yours?: string[];
}) {
  const [t, format] = await Promise.all([
    locale ? getTranslations({ locale }) : getTranslations(),
    locale ? getFormatter({ locale }) : getFormatter(),
  ]);
  const count = (value: SuppressedCount, networkId: string, kind: "people" | "organizations") =>
    typeof value !== "number" ? (
      value
    ) : drillHref ? (
      <TextLink href={drillHref(networkId, kind)}>{format.number(value)}</TextLink>
    ) : (
      format.number(value)
    );
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const withSessions = rows.some((row) => row.sessionsHeld !== undefined);
  const withCompletion = rows.some((row) => row.completionRate !== undefined);
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("totals.network")}</Th>
          <Th className="text-right">{t("totals.people")}</Th>
          <Th className="text-right">{t("totals.organizations")}</Th>
          {withSessions && <Th className="text-right">{t("totals.sessionsHeld")}</Th>}
          <Th className="text-right">{t("totals.attendanceRate")}</Th>
          {withCompletion && <Th className="text-right">{t("dashboard.completionRate")}</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.networkId} className={yours.includes(row.networkId) ? "bg-brand-50" : undefined}>
            <Td>
              {row.name}
              {yours.includes(row.networkId) && (
                <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("totals.yourNetwork")}</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{count(row.people, row.networkId, "people")}</Td>
            <Td className="text-right tabular-nums">{count(row.organizations, row.networkId, "organizations")}</Td>
            {withSessions && <Td className="text-right tabular-nums">{format.number(row.sessionsHeld ?? 0)}</Td>}
            <Td className="text-right tabular-nums">{percent(row.attendanceRate)}</Td>
            {withCompletion && <Td className="text-right tabular-nums">{percent(row.completionRate ?? null)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
