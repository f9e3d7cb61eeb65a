import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { asImportRefusal, IMPORT_LIMITS } from "./limits";
import { readTable } from "./read-table";

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A zip written by hand: deflated entries, a central directory, the end record. Enough to test the guard. */
function zipOf(entries: Array<{ name: string; data: Uint8Array }>) {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.byteLength, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.byteLength, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

describe("readTable", () => {
  it("reads a messy CSV: byte-order mark, semicolons, CRLF, quoted cells, blank lines", async () => {
    const csv =
      '\uFEFFNombre(s);Apellido paterno;Correo electrónico;Teléfono\r\n"María José";Peña;MJ@Example.org;+52 662 123 4567\r\n\r\n;;;\r\nLuis;"López; Jr.";;=1+1\r\n';
    const table = await readTable({ name: "registro.csv", bytes: bytesOf(csv) });
    expect(table).toEqual({
      encoding: "utf-8",
      headers: ["Nombre(s)", "Apellido paterno", "Correo electrónico", "Teléfono"],
      rows: [
        ["María José", "Peña", "MJ@Example.org", "+52 662 123 4567"],
        ["Luis", "López; Jr.", "", "=1+1"],
      ],
    });
  });

  it("reads a Windows-1252 CSV with tabs", async () => {
    const bytes = new Uint8Array([
      ...bytesOf("Nombre\tOrganizaci"),
      0xf3,
      ...bytesOf("n\nJos"),
      0xe9,
      ...bytesOf("\tFundaci"),
      0xf3,
      ...bytesOf("n\n"),
    ]);
    expect(await readTable({ name: "red.csv", bytes })).toEqual({
      encoding: "windows-1252",
      headers: ["Nombre", "Organización"],
      rows: [["José", "Fundación"]],
    });
  });

  it("reads XLSX cells as text: dates as YYYY-MM-DD, long numbers whole, formula-looking text as typed", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Respuestas");
    sheet.addRow(["Marca temporal", "Nombre(s)", "Teléfono", "Edad", "Nota"]);
    sheet.addRow([new Date("2020-03-04T00:00:00Z"), "Ana", 526621234567, 34, '=HYPERLINK("http://x")']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readTable({ name: "kobo.xlsx", bytes })).toEqual({
      encoding: "xlsx",
      headers: ["Marca temporal", "Nombre(s)", "Teléfono", "Edad", "Nota"],
      rows: [["2020-03-04", "Ana", "526621234567", "34", '=HYPERLINK("http://x")']],
    });
  });

  it("refuses files over 10 MB, over 20,000 rows, and archives that would unpack too far, before unpacking them", async () => {
    await expect(readTable({ name: "big.csv", bytes: new Uint8Array(IMPORT_LIMITS.bytes + 1) })).rejects.toMatchObject({
      problem: "tooLarge",
    });
    const many = `Nombre\n${"Ana\n".repeat(IMPORT_LIMITS.rows + 1)}`;
    await expect(readTable({ name: "many.csv", bytes: bytesOf(many) })).rejects.toMatchObject({ problem: "tooManyRows" });
    // 50 MB of zeros deflates to a few kilobytes: the ratio gives it away.
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(50 * 1024 * 1024) }]);
    expect(bomb.byteLength).toBeLessThan(200_000);
    await expect(readTable({ name: "bomb.xlsx", bytes: bomb })).rejects.toMatchObject({ problem: "unsafeArchive" });
    const crowded = zipOf(
      Array.from({ length: IMPORT_LIMITS.archiveEntries + 1 }, (_, index) => ({ name: `f${index}`, data: new Uint8Array(1) })),
    );
    await expect(readTable({ name: "crowded.xlsx", bytes: crowded })).rejects.toMatchObject({ problem: "unsafeArchive" });
    await expect(readTable({ name: "old.xls", bytes: bytesOf("x") })).rejects.toMatchObject({ problem: "unsupportedType" });
    await expect(readTable({ name: "broken.xlsx", bytes: bytesOf("PK\u0003\u0004 not really") })).rejects.toMatchObject({
      problem: "unreadable",
    });
  });

  it("reads UTF-16 CSVs with a byte-order mark (little and big endian), as Excel's 'Unicode text' writes them", async () => {
    const text = "Nombre(s)\tApellido paterno\r\nJosé\tNúñez\r\n";
    const little = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    const big = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()]);
    for (const [bytes, encoding] of [
      [little, "utf-16le"],
      [big, "utf-16be"],
    ] as const)
      expect(await readTable({ name: "unicode.txt", bytes })).toEqual({
        headers: ["Nombre(s)", "Apellido paterno"],
        rows: [["José", "Núñez"]],
        encoding,
      });
  });

  it("refuses a file with NUL characters, saying in which row, before anything reaches the database", async () => {
    const bytes = bytesOf("Nombre,Correo\nAna,ana@example.test\nLuis\u0000\u0000,luis@example.test\n");
    await expect(readTable({ name: "binario.csv", bytes })).rejects.toMatchObject({
      problem: "nulBytes",
      details: { messageKey: "imports.fileErrors.nulBytes", messageValues: { row: 3 } },
    });
  });

  it("turns a database refusal of an import's data into its own message, and leaves an outage a 503", () => {
    expect(asImportRefusal(Object.assign(new Error("value too long"), { code: "P2000" }))).toMatchObject({ problem: "rejected" });
    const outage = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    expect(asImportRefusal(outage)).toBe(outage);
  });
});
