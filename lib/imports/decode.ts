/** How a spreadsheet export was encoded: Spanish Excel still writes CSV as Windows-1252; "Unicode text" is UTF-16. */
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/**
 * Bytes of a CSV to text: UTF-8 (with or without a byte-order mark) when the
 * bytes are valid UTF-8, otherwise Windows-1252. Never guesses wrong on accents
 * the other way round: Windows-1252 accents are not valid UTF-8 sequences.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  // Excel's "Unicode text" and some exporters write UTF-16 with a byte-order mark.
  for (const [bom, encoding] of [
    [[0xff, 0xfe], "utf-16le"],
    [[0xfe, 0xff], "utf-16be"],
  ] as const)
    if (startsWith(bytes, [...bom])) return { text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding };
  const hasBom = startsWith(bytes, UTF8_BOM);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}
