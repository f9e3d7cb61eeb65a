import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { BarChartView, type ChartDatum } from "./bar-chart";

/** A chart with its numbers as a table right under it (the text alternative). */
export async function ChartCard({
  title,
  rows,
  valueHeader,
  percent = false,
  legend,
  note,
  locale,
}: {
  title: string;
  rows: Array<{ label: string; value: number | string | null; color?: string; href?: string }>;
  valueHeader: string;
  percent?: boolean;
  legend?: Array<{ label: string; color: string }>;
  note?: string;
  /** The language, given when rendered inside a cached section (which may not read the request). */
  locale?: string;
}) {
  const [t, format] = await Promise.all([
    locale ? getTranslations({ locale, namespace: "dashboard" }) : getTranslations("dashboard"),
    locale ? getFormatter({ locale }) : getFormatter(),
  ]);
  const data: ChartDatum[] = rows.map((row) => ({
    label: row.label,
    value: typeof row.value === "number" ? row.value : null,
    color: row.color,
  }));
  const shown = (value: number | string | null) =>
    value === null
      ? "—"
      : typeof value === "number"
        ? format.number(value, percent ? { style: "percent", maximumFractionDigits: 0 } : {})
        : value;
  return (
    <Card title={title}>
      <BarChartView data={data} label={`${title}: ${rows.map((row) => `${row.label} ${shown(row.value)}`).join(", ")}`} percent={percent} />
      {legend && (
        <ul className="mt-2 flex flex-wrap gap-4 text-sm text-slate-700">
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-2">
              <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      {note && <p className="mt-2 text-sm text-slate-700">{note}</p>}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">{t("showTable")}</summary>
        <Table caption={title}>
          <thead>
            <tr>
              <Th>{t("category")}</Th>
              <Th className="text-right">{valueHeader}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.label}-${index}`}>
                <Td>{row.label}</Td>
                <Td className="text-right tabular-nums">
                  {row.href && typeof row.value === "number" ? <TextLink href={row.href}>{shown(row.value)}</TextLink> : shown(row.value)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </Card>
  );
}
