/** How a spreadsheet export was encoded: Spanish Excel still writes CSV as Windows-1252. */
export type TextEncoding = "utf-8" | "windows-1252";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes of a CSV to text: UTF-8 (with or without a byte-order mark) when the
 * bytes are valid UTF-8, otherwise Windows-1252. Never guesses wrong on accents
 * the other way round: Windows-1252 accents are not valid UTF-8 sequences.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}
