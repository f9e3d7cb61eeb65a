import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { decodeText, type TextEncoding } from "./decode";
import { IMPORT_LIMITS, ImportFileError } from "./limits";
import { assertSafeArchive } from "./zip-guard";

export type Table = { headers: string[]; rows: string[][]; encoding: TextEncoding | "xlsx" };

const isXlsx = (fileName: string, bytes: Uint8Array) =>
  /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** Rows with any content, trimmed; a row longer than the header keeps its extra cells (they map to nothing). */
function tidy(cells: string[][]): Table["rows"] {
  return cells.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some((cell) => cell !== ""));
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [",", ";", "\t"], skipEmptyLines: "greedy" });
  const [headers, ...rows] = tidy(parsed.data);
  if (!headers) throw new ImportFileError("empty");
  return { headers, rows, encoding };
}

/** What a spreadsheet cell shows, as text: dates as YYYY-MM-DD, numbers without exponents, formulas by their result. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === "object" && "result" in value)
    return value.result instanceof Date ? value.result.toISOString().slice(0, 10) : String(value.result ?? "");
  return cell.text;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  assertSafeArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty");
  if (sheet.rowCount > IMPORT_LIMITS.rows + 1) throw new ImportFileError("tooManyRows", { limit: IMPORT_LIMITS.rows });
  const width = sheet.columnCount;
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    cells.push(Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1))));
  });
  const [headers, ...rows] = tidy(cells);
  if (!headers) throw new ImportFileError("empty");
  return { headers, rows, encoding: "xlsx" };
}

/** A participants file (CSV or XLSX) as a header row and text cells, within the import limits. */
export async function readTable(file: { name: string; bytes: Uint8Array }): Promise<Table> {
  if (file.bytes.byteLength > IMPORT_LIMITS.bytes) throw new ImportFileError("tooLarge", { megabytes: IMPORT_LIMITS.bytes / 1024 / 1024 });
  if (file.bytes.byteLength === 0) throw new ImportFileError("empty");
  if (/\.(xls|ods|numbers)$/i.test(file.name)) throw new ImportFileError("unsupportedType");
  const table = isXlsx(file.name, file.bytes) ? await readXlsx(file.bytes) : readCsv(file.bytes);
  if (table.rows.length > IMPORT_LIMITS.rows) throw new ImportFileError("tooManyRows", { limit: IMPORT_LIMITS.rows });
  if (!table.rows.length) throw new ImportFileError("empty");
  // A NUL character is never part of a name or an email (PostgreSQL refuses it in text): a binary or corrupt file.
  const nulAt = [table.headers, ...table.rows].findIndex((cells) => cells.some((cell) => cell.includes("\u0000")));
  if (nulAt >= 0) throw new ImportFileError("nulBytes", { row: nulAt + 1 });
  return table;
}
