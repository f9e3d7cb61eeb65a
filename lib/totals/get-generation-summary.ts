import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generationListSelect } from "@/lib/generations/find-generations";
import { generationScope } from "@/lib/registry/scope";
import { countedEnrollmentWhere, PARTICIPATION_RULE } from "./participation-rule";
import { summarize } from "./summarize";

/** Totals of a generation, computed from its enrollments on every call. Aggregates only: no names leave here. */
export async function getGenerationSummary(options: { actor: Actor; generationId: string }) {
  const generation = await db.generation.findFirst({
    where: { id: options.generationId, deactivatedAt: null, ...generationScope(options.actor) },
    select: generationListSelect,
  });
  if (!generation) throw new AppError("NOT_FOUND");

  const enrollments = await db.enrollment.findMany({
    where: countedEnrollmentWhere(generation.id),
    select: {
      personId: true,
      organizationId: true,
      networkId: true,
      network: { select: { name: true } },
      organization: { select: { state: true } },
    },
  });
  const summary = summarize(
    enrollments.map((enrollment) => ({
      personId: enrollment.personId,
      organizationId: enrollment.organizationId,
      networkId: enrollment.networkId,
      networkName: enrollment.network.name,
      state: enrollment.organization.state,
    })),
  );
  return { generation, rule: PARTICIPATION_RULE, ...summary };
}
