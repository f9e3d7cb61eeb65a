import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { generationScope } from "@/lib/registry/scope";
import { generationFactsCtes, withFactsMemory } from "@/lib/totals/compute-generation-facts";
import { getGenerationFacts } from "@/lib/totals/get-generation-facts";
import { suppressBreakdown } from "@/lib/totals/suppress";
import { kpisOf } from "./kpis";

type Generation = { id: string; number: number; name: string; completionPercent: number };

/** Distinct people and organizations of one of the facts' row sets, by the same rule as the totals. */
async function idsOf(generation: Generation, rows: "part" | "enr") {
  const found = await withFactsMemory((tx) =>
    tx.$queryRaw<Array<{ person_id: string; organization_id: string }>>(
      Prisma.sql`${generationFactsCtes(generation.id, generation.completionPercent)} SELECT DISTINCT person_id, organization_id FROM ${Prisma.raw(rows)}`,
    ),
  );
  return { people: new Set(found.map((row) => row.person_id)), organizations: new Set(found.map((row) => row.organization_id)) };
}

const overlap = (a: Set<string>, b: Set<string>) => [...b].filter((id) => a.has(id)).length;

/**
 * Two generations of a program side by side. Returning people are those enrolled
 * in the later generation who took part in the earlier one (likewise for organizations).
 * Without a second generation, the one before (by number) is used.
 */
export async function compareGenerations(options: { actor: Actor; generationId: string; otherGenerationId?: string }) {
  const select = { id: true, number: true, name: true, completionPercent: true, programId: true } as const;
  const base = await db.generation.findFirst({
    where: { AND: [{ id: options.generationId, deactivatedAt: null }, generationScope(options.actor)] },
    select: { ...select, program: { select: { id: true, name: true } } },
  });
  if (!base) throw new AppError("NOT_FOUND");
  const candidates = await db.generation.findMany({
    where: { AND: [{ programId: base.programId, deactivatedAt: null, id: { not: base.id } }, generationScope(options.actor)] },
    select,
    orderBy: { number: "asc" },
  });
  const other = options.otherGenerationId
    ? candidates.find((candidate) => candidate.id === options.otherGenerationId)
    : (candidates.filter((candidate) => candidate.number < base.number).at(-1) ?? candidates[0]);
  if (options.otherGenerationId && !other) throw new AppError("NOT_FOUND");
  const program = base.program;
  if (!other) return { program, candidates, comparison: null };

  const [earlier, later] = base.number < other.number ? [base, other] : [other, base];
  const [earlierFacts, laterFacts, earlierTookPart, laterEnrolled] = await Promise.all([
    getGenerationFacts(earlier),
    getGenerationFacts(later),
    idsOf(earlier, "part"),
    idsOf(later, "enr"),
  ]);
  const suppressed = !can(options.actor, "read:personal-data", { programId: program.id });
  // Returning and new add up to the later generation's enrolled total, shown: one breakdown (suppressBreakdown).
  const returning = (part: number, total: number) => suppressBreakdown([part, total - part], { suppressed, total })[0]!;
  return {
    program,
    candidates,
    comparison: {
      suppressed,
      generations: [
        { id: earlier.id, name: earlier.name, number: earlier.number, kpis: kpisOf(earlierFacts) },
        { id: later.id, name: later.name, number: later.number, kpis: kpisOf(laterFacts) },
      ] as const,
      returning: {
        people: returning(overlap(earlierTookPart.people, laterEnrolled.people), laterEnrolled.people.size),
        organizations: returning(overlap(earlierTookPart.organizations, laterEnrolled.organizations), laterEnrolled.organizations.size),
        laterEnrolledPeople: laterEnrolled.people.size,
        laterEnrolledOrganizations: laterEnrolled.organizations.size,
      },
    },
  };
}
