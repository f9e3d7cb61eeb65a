import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createTranslator } from "next-intl";
import es from "@/lib/i18n/messages/es-MX.json";
import {
  attend,
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createSession,
  enroll,
  signedInActor,
} from "@/tests/support/factories";
import { attendanceMatrixDataset, peopleDataset } from "./datasets";
import { csvStream, xlsxStream } from "./write";

const t = createTranslator({ locale: "es-MX", messages: es }) as unknown as (key: string) => string;
let generation: { id: string; programId: string };
let mine: { id: string };
let coordinator: Actor;

beforeAll(async () => {
  mine = await createNetwork();
  const theirs = await createNetwork();
  generation = await createGeneration({ networkIds: [mine.id, theirs.id] });
  const [org, other] = await Promise.all([createOrganization({ networkIds: [mine.id] }), createOrganization({ networkIds: [theirs.id] })]);
  const tricky = await createPerson({
    givenNames: '=HYPERLINK("http://x")',
    firstSurname: "Ñúñez",
    email: "tricky@example.test",
    phone: "+52 662 555 0101",
    organizationId: org.id,
  });
  const plain = await createPerson({ givenNames: "Otra", firstSurname: "Persona", organizationId: other.id });
  await enroll(tricky.id, generation.id, mine.id, org.id);
  await enroll(plain.id, generation.id, theirs.id, other.id);
  const session = await createSession(generation.id, { status: "HELD" });
  await attend(session.id, tricky.id, "LATE");
  coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
});

const readAll = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

describe("exports", () => {
  it("writes CSV with a byte-order mark, accents intact, formulas and phones as text", async () => {
    const bytes = await readAll(csvStream(await peopleDataset(coordinator, { generationId: generation.id }, t)));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFNombre(s),Primer apellido")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",Ñúñez`);
    expect(text).toContain("'+52 662 555 0101");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    // The count sent ahead for the progress bar is the number of rows that follow the header.
    expect(await (await peopleDataset(coordinator, { generationId: generation.id }, t)).total()).toBe(2);
  });

  it("writes XLSX whose cells are typed text, never formulas, with no visible apostrophe, under a frozen, filtered header", async () => {
    const bytes = await readAll(
      xlsxStream(await peopleDataset(coordinator, { generationId: generation.id, networkId: mine.id }, t), "personas"),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("personas")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Nombre(s)");
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(`=HYPERLINK("http://x")`);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(1).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(5).value).toBe("+52 662 555 0101");
    expect(sheet.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it("builds the attendance matrix of people by sessions", async () => {
    const dataset = await attendanceMatrixDataset(coordinator, { generationId: generation.id }, t);
    const rows = [];
    for await (const row of dataset.rows) rows.push(row);
    expect(dataset.columns).toHaveLength(4);
    expect(rows.map((row) => row[dataset.columns[3]!.key] ?? "")).toEqual(expect.arrayContaining(["Retardo", ""]));
    expect(await dataset.total()).toBe(rows.length);
  });

  it("exports only what the actor may read: a liaison their network, a funder nothing", async () => {
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: mine.id }] });
    const text = new TextDecoder().decode(await readAll(csvStream(await peopleDataset(liaison, {}, t))));
    expect(text).toContain("Ñúñez");
    expect(text).not.toContain("Otra");
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    await expect(peopleDataset(funder, {}, t)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attendanceMatrixDataset(funder, { generationId: generation.id }, t)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
