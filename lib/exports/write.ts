import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Dataset } from "./datasets";
import { csvCell } from "./neutralize";

const BOM = "\uFEFF";

/** UTF-8 CSV with a byte-order mark (so Excel shows accents), CRLF lines, streamed row by row. */
export function csvStream(dataset: Dataset): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = dataset.rows[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${BOM}${dataset.columns.map((column) => csvCell(column.label)).join(",")}\r\n`));
        return;
      }
      const next = await iterator.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(`${dataset.columns.map((column) => csvCell(next.value[column.key])).join(",")}\r\n`));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * XLSX written by ExcelJS's streaming writer: rows are committed as they come,
 * so memory stays flat however long the export. Every value is a typed text cell
 * (column format "@"): a spreadsheet never evaluates a text cell, so "=…" or "+52 …"
 * stays as typed with no visible apostrophe (the CSV, which has no types, keeps it).
 * The header is frozen and filtered.
 */
export function xlsxStream(dataset: Dataset, sheetName: string): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = dataset.columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: Math.min(40, Math.max(12, column.label.length + 2)),
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: dataset.columns.length } };
  (async () => {
    try {
      for await (const row of dataset.rows) {
        sheet.addRow(Object.fromEntries(dataset.columns.map((column) => [column.key, textCell(row[column.key])]))).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

function textCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The download of an export: the stream in its format, the file name, and the row count up front (the body
 * is streamed, so there is no Content-Length; X-Total-Rows feeds the download's progress bar).
 */
export function exportResponse(options: { dataset: Dataset; total: number; format: "csv" | "xlsx"; fileName: string; sheetName: string }) {
  const { dataset, total, format, fileName, sheetName } = options;
  return new Response(format === "csv" ? csvStream(dataset) : xlsxStream(dataset, sheetName), {
    headers: {
      "X-Total-Rows": String(total),
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
