import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function getProgram(options: { actor: Actor; programId: string }) {
  const scope = scopeOf(options.actor, "read:program");
  if (!scope.all && !scope.programIds.includes(options.programId)) throw new AppError("NOT_FOUND");
  const program = await db.program.findFirst({
    where: { id: options.programId, deactivatedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      updatedAt: true,
      partners: { select: { role: true, organization: { select: { id: true, name: true, shortName: true } } }, orderBy: { role: "asc" } },
      generations: {
        where: { deactivatedAt: null },
        select: { id: true, number: true, name: true, status: true, startDate: true, endDate: true },
        orderBy: { number: "asc" },
      },
    },
  });
  if (!program) throw new AppError("NOT_FOUND");
  return program;
}
