/**
 * A cell that starts with = + - @ (or a tab or carriage return) is a formula to
 * a spreadsheet. Prefixing a single quote makes it plain text, so nothing
 * typed into Tejido (or imported) can run when someone opens an export.
 */
export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting, after neutralizing. */
export function csvCell(value: unknown): string {
  const text = neutralizeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
