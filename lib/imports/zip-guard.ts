import { IMPORT_LIMITS, ImportFileError } from "./limits";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * Reads a zip's central directory (without inflating anything) and refuses
 * archives that would unpack to more than the limits allow: too many entries,
 * too many bytes in total, an implausible compression ratio, or ZIP64 sizes.
 */
export function assertSafeArchive(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes, plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 65_535); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ImportFileError("unreadable");
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw new ImportFileError("unsafeArchive");
  if (entries > IMPORT_LIMITS.archiveEntries) throw new ImportFileError("unsafeArchive");

  let offset = directoryOffset;
  let unpacked = 0;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) throw new ImportFileError("unreadable");
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (compressed === 0xffffffff || size === 0xffffffff) throw new ImportFileError("unsafeArchive");
    if (size > 1_000_000 && size / Math.max(1, compressed) > IMPORT_LIMITS.compressionRatio) throw new ImportFileError("unsafeArchive");
    unpacked += size;
    if (unpacked > IMPORT_LIMITS.unpackedBytes) throw new ImportFileError("unsafeArchive");
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
