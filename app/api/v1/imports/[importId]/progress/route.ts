import { withActor } from "@/lib/http/api";
import { getImportProgress } from "@/lib/imports/import-progress";

/** Polled by the import page while a commit runs; whoever cannot import into that generation gets a 404. */
export const GET = withActor<{ params: Promise<{ importId: string }> }>(async (_request, { actor, params }) => {
  const { importId } = await params;
  return { progress: await getImportProgress({ actor, importId }) };
});
