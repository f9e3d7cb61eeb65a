import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeText } from "@/lib/registry/normalize";
import type { ColumnMapping } from "./guess-mapping";
import { getImportInScopeOrThrow } from "./import-access";

/**
 * The coordinator's corrections to the column mapping of a draft; optionally
 * saved as a preset of the program (by header text), offered for the next file.
 */
export async function saveImportMapping(options: { actor: Actor; importId: string; mapping: ColumnMapping; presetName?: string }) {
  const { draft, target } = await getImportInScopeOrThrow(options.actor, options.importId, { status: true, headers: true });
  if (draft.status !== "DRAFT") throw new AppError("CONFLICT", "Already committed");
  const headers = draft.headers as string[];
  const mapping: ColumnMapping = Object.fromEntries(headers.map((_, index) => [index, options.mapping[index] ?? null]));
  const fields = Object.values(mapping).filter(Boolean);
  if (new Set(fields).size !== fields.length)
    throw new AppError("VALIDATION", "A field is mapped twice", { field: "mapping", messageKey: "imports.mappingTwice" });
  await db.$transaction(async (tx) => {
    await tx.participantImport.update({ where: { id: draft.id }, data: { mapping } });
    if (options.presetName) {
      const byHeader = Object.fromEntries(headers.map((header, index) => [normalizeText(header), mapping[index] ?? null]));
      await tx.importPreset.upsert({
        where: { programId_name: { programId: target.programId, name: options.presetName } },
        create: { programId: target.programId, name: options.presetName, mapping: byHeader, createdById: options.actor.userId },
        update: { mapping: byHeader },
      });
    }
  });
  return mapping;
}
