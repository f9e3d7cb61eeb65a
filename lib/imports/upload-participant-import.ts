import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { normalizeText } from "@/lib/registry/normalize";
import { guessMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from "./guess-mapping";
import { getImportTargetOrThrow } from "./import-access";
import { readTable } from "./read-table";
import { asImportRefusal } from "./limits";
import { assertWithinRateLimit } from "@/lib/rate-limits/assert-within-rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** A saved preset applies when it knows every header of the file it can map; it maps by header text, not position. */
function presetMapping(headers: string[], presets: Array<{ mapping: unknown }>): ColumnMapping | null {
  const keys = headers.map(normalizeText);
  for (const preset of presets) {
    const known = preset.mapping as Record<string, ImportField | null>;
    if (!keys.every((key) => key in known)) continue;
    return Object.fromEntries(
      keys.map((key, index) => [index, known[key] && (IMPORT_FIELDS as readonly string[]).includes(known[key]!) ? known[key]! : null]),
    );
  }
  return null;
}

/**
 * Step one of an import: reads the file (within the limits), remembers it as a
 * draft with a first column mapping (a saved preset of the program that fits,
 * else guessed from the headers). The same file again in the same generation
 * returns the import it already made, committed or not: nothing new is created.
 */
export async function uploadParticipantImport(options: { actor: Actor; generationId: string; file: { name: string; bytes: Uint8Array } }) {
  const target = await getImportTargetOrThrow(options.actor, options.generationId);
  await assertWithinRateLimit({ actor: options.actor, limit: "upload" });
  const checksum = createHash("sha256").update(options.file.bytes).digest("hex");
  const existing = await db.participantImport.findUnique({
    where: { generationId_checksum: { generationId: target.id, checksum } },
    select: { id: true, status: true },
  });
  if (existing) return { importId: existing.id, status: existing.status, reused: true };

  const table = await readTable(options.file);
  const presets = await db.importPreset.findMany({
    where: { programId: target.programId },
    select: { mapping: true },
    orderBy: { createdAt: "desc" },
  });
  const mapping = presetMapping(table.headers, presets) ?? guessMapping(table.headers);
  const created = await db.participantImport
    .create({
      data: {
        generationId: target.id,
        uploadedById: options.actor.userId,
        fileName: options.file.name.slice(0, 200),
        checksum,
        headers: table.headers,
        rows: table.rows,
        mapping,
      },
      select: { id: true, status: true },
    })
    .catch((error: unknown) => {
      throw asImportRefusal(error);
    });
  await recordAuditEvent(db, {
    actorId: options.actor.userId,
    action: "import.uploaded",
    targetType: "participantImport",
    targetId: created.id,
    data: { generationId: target.id, rows: table.rows.length },
  });
  return { importId: created.id, status: created.status, reused: false };
}
