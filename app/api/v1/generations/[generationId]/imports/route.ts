import { AppError } from "@/lib/errors";
import { apiResponse, withActor } from "@/lib/http/api";
import { describeParticipantImport } from "@/lib/imports/describe-participant-import";
import { IMPORT_LIMITS } from "@/lib/imports/limits";
import { uploadParticipantImport } from "@/lib/imports/upload-participant-import";

/**
 * Uploads a participants file (multipart field `file`) as an import draft of the generation,
 * with its columns guessed as the page does (a saved preset of the program applies):
 * 201 {id, status, rowCount, columns, counts}. The same file again answers with the same import.
 */
export const POST = withActor<{ params: Promise<{ generationId: string }> }>(async (request, { actor, params }) => {
  const { generationId } = await params;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > IMPORT_LIMITS.bytes + 64 * 1024) throw new AppError("VALIDATION", "File too large", { field: "file" });
  const form = await request.formData().catch(() => {
    throw new AppError("VALIDATION", "Expected multipart/form-data with a file", { field: "file" });
  });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "A file is required", { field: "file" });
  const { importId } = await uploadParticipantImport({
    actor,
    generationId,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  });
  const described = await describeParticipantImport({ actor, importId });
  return apiResponse(
    { id: described.id, status: described.status, rowCount: described.rows.length, columns: described.columns, counts: described.counts },
    201,
  );
});
