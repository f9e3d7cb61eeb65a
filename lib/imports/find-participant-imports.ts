import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getImportTargetOrThrow, importScopeWhere } from "./import-access";

/** The imports of a generation, newest first: who, when, which file, and what each one did. */
export async function findParticipantImports(options: { actor: Actor; generationId: string }) {
  const target = await getImportTargetOrThrow(options.actor, options.generationId);
  const imports = await db.participantImport.findMany({
    where: { generationId: target.id, ...importScopeWhere(options.actor) },
    select: {
      id: true,
      fileName: true,
      status: true,
      created: true,
      linked: true,
      skipped: true,
      createdAt: true,
      committedAt: true,
      uploadedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { generation: { id: target.id, name: target.name }, networks: target.networks, imports };
}
