import { Document, Font, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { createFormatter, createTranslator } from "next-intl";
import type { GenerationDashboard } from "@/lib/dashboards/get-generation-dashboard";
import type { SuppressedCount } from "@/lib/totals/suppress";

type Translate = ReturnType<typeof createTranslator>;
type Format = ReturnType<typeof createFormatter>;

// Column headers wrap between words, never inside one ("Organiza- ciones").
Font.registerHyphenationCallback((word) => [word]);

// Helvetica is one of the PDF standard fonts: nothing to embed or download, and it covers Spanish accents.
const BRAND = "#0b5e58";
const MODALITY_COLORS: Record<string, string> = { IN_PERSON: BRAND, VIRTUAL: "#6d28d9", HYBRID: "#b45309", MIXED: "#475569" };
const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: "Helvetica", color: "#0f172a" },
  program: { fontSize: 10, color: "#475569" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 2 },
  headline: { fontSize: 14, fontFamily: "Helvetica-Bold", color: BRAND, marginTop: 12 },
  kpis: { flexDirection: "row", flexWrap: "wrap", marginTop: 12 },
  kpi: { width: "33%", paddingVertical: 6 },
  kpiLabel: { color: "#475569" },
  kpiValue: { fontSize: 14, fontFamily: "Helvetica-Bold" },
  section: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 16, marginBottom: 6 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 3 },
  head: { fontFamily: "Helvetica-Bold" },
  cell: { flex: 1, paddingRight: 4 },
  wide: { flex: 3, paddingRight: 4 },
  // Right-aligned columns side by side: the left padding keeps one header from running into the next ("PersonasOrganizaciones").
  number: { flex: 1, textAlign: "right", paddingLeft: 8 },
  barTrack: { flex: 3, height: 8, backgroundColor: "#f1f5f9", marginLeft: 6, marginTop: 1 },
  note: { marginTop: 12, fontSize: 8, color: "#475569" },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 36,
    right: 36,
    fontSize: 8,
    color: "#64748b",
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

export type ReportContext = {
  dashboard: GenerationDashboard;
  t: Translate;
  format: Format;
  filters: string[];
  generatedAt: Date;
};

/** The printable generation report: the dashboard's numbers as tables and bars, in one language. */
export function GenerationReportDocument({ dashboard, t, format, filters, generatedAt }: ReportContext) {
  const { kpis } = dashboard;
  const count = (value: SuppressedCount) => (typeof value === "number" ? format.number(value) : value);
  const percent = (value: number | null) => (value === null ? "-" : format.number(value, { style: "percent", maximumFractionDigits: 0 }));
  const headline = t("totals.headlineFull", {
    people: kpis.people,
    organizations: kpis.organizations,
    networks: kpis.networks,
    states: kpis.states,
  });
  const label = (namespace: string, value: string) => (value === "UNKNOWN" ? t("dashboard.unknown") : t(`${namespace}.${value}` as never));
  return (
    <Document
      title={`${t("report.title")}: ${dashboard.generation.name}`}
      subject={headline}
      author="Tejido"
      language={t("report.language")}
    >
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.program}>{dashboard.generation.program.name}</Text>
        <Text style={styles.title}>
          {t("report.title")}: {dashboard.generation.name}
        </Text>
        {filters.length > 0 && <Text style={styles.program}>{`${t("drillDown.conditions")}: ${filters.join(" · ")}`}</Text>}
        <Text style={styles.headline}>{headline}</Text>
        <View style={styles.kpis}>
          {[
            [t("dashboard.tookPart"), format.number(kpis.people)],
            [t("totals.enrolled"), format.number(kpis.enrolled)],
            [t("totals.sessionsHeld"), format.number(kpis.sessionsHeld)],
            [t("totals.attendanceRate"), percent(kpis.attendanceRate)],
            [t("dashboard.completionRate"), percent(kpis.completionRate)],
            [t("dashboard.virtualShare"), percent(kpis.virtualShare)],
          ].map(([name, value]) => (
            <View key={name} style={styles.kpi}>
              <Text style={styles.kpiLabel}>{name}</Text>
              <Text style={styles.kpiValue}>{value}</Text>
            </View>
          ))}
        </View>

        <Text style={styles.section}>{t("dashboard.networkComparison")}</Text>
        <View style={[styles.row, styles.head]}>
          <Text style={styles.wide}>{t("totals.network")}</Text>
          <Text style={styles.number}>{t("totals.people")}</Text>
          <Text style={styles.number}>{t("totals.organizations")}</Text>
          <Text style={styles.number}>{t("totals.sessionsHeld")}</Text>
          <Text style={styles.number}>{t("totals.attendanceRate")}</Text>
          <Text style={styles.number}>{t("dashboard.completionRate")}</Text>
        </View>
        {dashboard.byNetwork.map((row) => (
          <View key={row.networkId} style={styles.row} wrap={false}>
            <Text style={styles.wide}>{row.name}</Text>
            <Text style={styles.number}>{count(row.people)}</Text>
            <Text style={styles.number}>{count(row.organizations)}</Text>
            <Text style={styles.number}>{format.number(row.sessionsHeld)}</Text>
            <Text style={styles.number}>{percent(row.attendanceRate)}</Text>
            <Text style={styles.number}>{percent(row.completionRate)}</Text>
          </View>
        ))}

        <Text style={styles.section}>
          {t(dashboard.attendanceOverTime.granularity === "week" ? "dashboard.attendancePerWeek" : "dashboard.attendancePerSession")}
        </Text>
        {dashboard.attendanceOverTime.buckets.map((bucket) => (
          <View key={bucket.key} style={styles.row} wrap={false}>
            <Text style={styles.cell}>{format.dateTime(bucket.startsAt, { dateStyle: "medium", timeZone: "America/Mexico_City" })}</Text>
            <Text style={styles.cell}>{t(`modalities.${bucket.modality}`)}</Text>
            <Text style={styles.number}>{percent(bucket.rate)}</Text>
            <View style={styles.barTrack}>
              <View
                style={{ width: `${Math.round((bucket.rate ?? 0) * 100)}%`, height: 8, backgroundColor: MODALITY_COLORS[bucket.modality] }}
              />
            </View>
          </View>
        ))}

        <Breakdown
          title={t("dashboard.peopleByState")}
          category={t("dashboard.category")}
          header={t("totals.people")}
          rows={dashboard.byState.map((row) => [t(`states.${row.state}` as never), count(row.people)])}
        />
        <Breakdown
          title={t("dashboard.byGender")}
          category={t("dashboard.category")}
          header={t("totals.people")}
          rows={dashboard.byGender.map((row) => [label("genders", row.value), count(row.people)])}
        />
        <Breakdown
          title={t("dashboard.byAgeRange")}
          category={t("dashboard.category")}
          header={t("totals.people")}
          rows={dashboard.byAgeRange.map((row) => [label("ageRanges", row.value), count(row.people)])}
        />
        <Breakdown
          title={t("dashboard.organizationsByType")}
          category={t("dashboard.category")}
          header={t("totals.organizations")}
          rows={dashboard.byOrganizationType.map((row) => [label("organizationTypes", row.value), count(row.organizations)])}
        />

        <Text style={styles.note}>{t("totals.definition.attended-held-session")}</Text>
        {dashboard.suppressed && <Text style={styles.note}>{t("totals.suppressionNote")}</Text>}
        <View style={styles.footer} fixed>
          <Text>{t("report.generatedAt", { date: format.dateTime(generatedAt, { dateStyle: "long", timeStyle: "short" }) })}</Text>
          <Text render={({ pageNumber, totalPages }) => t("report.page", { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}

function Breakdown({ title, category, header, rows }: { title: string; category: string; header: string; rows: Array<[string, string]> }) {
  return (
    <View wrap={false}>
      <Text style={styles.section}>{title}</Text>
      <View style={[styles.row, styles.head]}>
        <Text style={styles.wide}>{category}</Text>
        <Text style={styles.number}>{header}</Text>
      </View>
      {rows.map(([name, value]) => (
        <View key={name} style={styles.row}>
          <Text style={styles.wide}>{name}</Text>
          <Text style={styles.number}>{value}</Text>
        </View>
      ))}
    </View>
  );
}
