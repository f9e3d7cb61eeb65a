import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getGenerationDashboard } from "@/lib/dashboards/get-generation-dashboard";
import { createDashboardDataset } from "@/tests/support/dashboard-dataset";
import { signedInActor } from "@/tests/support/factories";
import { renderGenerationReport } from "./render-generation-report";

let dataset: Awaited<ReturnType<typeof createDashboardDataset>>;
beforeAll(async () => {
  dataset = await createDashboardDataset();
});

async function textOf(pdf: Buffer) {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(document, { mergePages: true })).text.replace(/\s+/g, " ");
}

describe("renderGenerationReport", () => {
  it("prints the dashboard's headline and KPIs, in Spanish or in English", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    const options = { actor: coordinator, generationId: dataset.generation.id, query: {}, filters: {} };
    const dashboard = await getGenerationDashboard({ ...options });
    expect(dashboard.kpis).toMatchObject({ people: 3, organizations: 2 });

    const spanish = await renderGenerationReport({ ...options, locale: "es-MX" });
    expect(spanish.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await textOf(spanish.pdf);
    expect(text).toContain("3 personas de 2 organizaciones de 2 redes en 2 estados");
    expect(text).toContain("Informe de la generación");
    expect(text).toContain("Asistencia 67%"); // 4 of 6 expected, as on the dashboard
    expect(text).toContain("N1 2 1 2 75% 50%"); // the network comparison row
    expect(spanish.fileName).toMatch(/^tejido-generacion-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.pdf$/);

    const english = await textOf((await renderGenerationReport({ ...options, locale: "en" })).pdf);
    expect(english).toContain("3 people from 2 organizations in 2 networks across 2 states");
    expect(english).toContain("67%");
  });

  it("applies the dashboard's filters and names them", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: dataset.generation.programId }] });
    const { pdf } = await renderGenerationReport({
      actor: coordinator,
      generationId: dataset.generation.id,
      query: { modality: "VIRTUAL" },
      filters: { modality: "VIRTUAL" },
      locale: "es-MX",
    });
    const text = await textOf(pdf);
    expect(text).toContain("2 personas de 2 organizaciones");
    expect(text).toContain("Modalidad: Virtual");
  });

  it("shows a funder's small cells as <5 and is not found outside the program", async () => {
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: dataset.generation.programId }] });
    const text = await textOf(
      (await renderGenerationReport({ actor: funder, generationId: dataset.generation.id, query: {}, filters: {}, locale: "es-MX" })).pdf,
    );
    expect(text).toContain("3 personas de 2 organizaciones");
    expect(text).toContain("<5");
    const outsider = await signedInActor();
    await expect(
      renderGenerationReport({ actor: outsider, generationId: dataset.generation.id, query: {}, filters: {}, locale: "es-MX" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
