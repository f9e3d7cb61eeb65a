import { getTranslations } from "next-intl/server";
import { withActor } from "@/lib/http/api";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";

export const GET = withActor<{ params: Promise<{ generationId: string }> }>(async (_request, { actor, params }) => {
  const { generationId } = await params;
  const [{ rule, ...summary }, t] = await Promise.all([getGenerationSummary({ actor, generationId }), getTranslations("totals")]);
  return { ...summary, definition: t(`definition.${rule}`) };
});
