"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { duplicateChoice } from "@/lib/actions/duplicate-choice";
import { guardedAction, signedInCall } from "@/lib/actions/guarded-action";
import { versionField } from "@/lib/records/record-version";
import { parsePrefixed } from "@/lib/actions/invalid-input";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { AttendanceStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { organizationInputSchema, personInputSchema } from "@/lib/registry/fields";
import { openCheckIn } from "@/lib/sessions/check-in";
import { assignMeetingReportRow, importMeetingReport } from "@/lib/sessions/import-meeting-report";
import { markAllPresent, recordAttendance, StaleAttendanceError, type AttendanceValue } from "@/lib/sessions/record-attendance";
import { createSessions, sessionInputSchema, setSessionStatus, updateSession } from "@/lib/sessions/schedule";
import { addWalkIn } from "@/lib/sessions/walk-in";
import { CONVENER, ENROLLMENT_ROLES } from "@/lib/enrollments/enrollment-roles";
import { uploadedFileField, idField } from "@/lib/validation/fields";

const markSchema = z.object({
  sessionId: idField,
  personId: idField,
  status: z.enum(AttendanceStatus),
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
  note: z.string().trim().max(500).nullable(),
  expectedVersion: z.number().int().min(0),
});

export type MarkResult =
  { ok: true; value: AttendanceValue } | { ok: false; message: string; code?: AppErrorCode; current?: AttendanceValue | null };

/**
 * Saves one roster mark as the facilitator changes it (called directly, not
 * through a form). A stale version comes back with the stored value, so the
 * screen can show it instead of silently overwriting someone else's change.
 */
export const saveAttendanceMark = signedInCall(
  { schema: markSchema },
  async (input, { actor }): Promise<MarkResult> => ({ ok: true, value: await recordAttendance({ actor, ...input }) }),
  (message, error, code): MarkResult =>
    error instanceof StaleAttendanceError ? { ok: false, message, code, current: error.current } : { ok: false, message, code },
);

const sessionIdSchema = z.object({ sessionId: idField });

export const markAllPresentAction = guardedAction({ permission: null, schema: sessionIdSchema }, async (input, { actor }) => {
  const { marked } = await markAllPresent({ actor, sessionId: input.sessionId });
  return { message: "attendance.markedAll", data: { marked: String(marked) }, revalidate: [`/sessions/${input.sessionId}`] };
});

export const importReportAction = guardedAction(
  { permission: null, schema: sessionIdSchema.extend({ report: uploadedFileField }) },
  async (input, { actor }) => {
    const file = input.report;
    const result = await importMeetingReport({ actor, sessionId: input.sessionId, fileName: file.name, content: await file.text() });
    return {
      message: result.alreadyImported ? "meetingReport.alreadyImported" : "meetingReport.imported",
      // The roster's counter after the import, in its own words, and what is left to review.
      data: {
        present: String(result.counts.PRESENT),
        late: String(result.counts.LATE),
        excused: String(result.counts.EXCUSED),
        absent: String(result.counts.ABSENT),
        unmarked: String(result.counts.unmarked),
        unmatched: String(result.unmatched.filter((row) => !row.resolvedPersonId).length),
        kept: String(result.kept),
      },
      revalidate: [`/sessions/${input.sessionId}`],
    };
  },
);

export const assignUnmatchedAction = guardedAction(
  {
    permission: null,
    schema: z.object({ sessionId: idField, personId: idField, row: z.coerce.number().int().min(0).max(10_000) }),
  },
  async (input, { actor }) => {
    await assignMeetingReportRow({ actor, sessionId: input.sessionId, row: input.row, personId: input.personId });
    return { message: "meetingReport.assigned", revalidate: [`/sessions/${input.sessionId}`] };
  },
);

export const openCheckInAction = guardedAction({ permission: null, schema: sessionIdSchema }, async (input, { actor }) => {
  await openCheckIn({ actor, sessionId: input.sessionId });
  return { revalidate: [`/sessions/${input.sessionId}`] };
});

export const setSessionStatusAction = guardedAction(
  { permission: "manage:sessions", schema: sessionIdSchema.extend({ status: z.enum(SessionStatus) }) },
  async (input, { actor }) => {
    await setSessionStatus({ actor, sessionId: input.sessionId, status: input.status });
    return { message: "common.saved", revalidate: [`/sessions/${input.sessionId}`] };
  },
);

export const saveSessionAction = guardedAction(
  {
    permission: "manage:sessions",
    schema: sessionInputSchema.extend({
      sessionId: idField.optional(),
      workshopId: idField.optional(),
      version: versionField,
      occurrences: z.coerce.number().int().min(1).max(52).default(1),
    }),
  },
  async ({ sessionId, workshopId, occurrences, version, ...input }, { actor }) => {
    if (sessionId) {
      await updateSession({ actor, sessionId, input, version });
      return { revalidate: [`/sessions/${sessionId}`], redirectTo: `/sessions/${sessionId}` };
    }
    if (!workshopId) throw new AppError("VALIDATION", "Workshop required");
    const ids = await createSessions({ actor, workshopId, input, occurrences });
    return { revalidate: [`/workshops/${workshopId}`], redirectTo: ids.length === 1 ? `/sessions/${ids[0]}` : `/workshops/${workshopId}` };
  },
);

export const walkInAction = guardedAction(
  {
    permission: null,
    schema: sessionIdSchema.extend({
      networkId: idField,
      organizationId: z.string().trim().min(1, { message: "validation.required" }),
      role: z.enum(ENROLLMENT_ROLES).default("PARTICIPANT"),
      personChoice: z.string().max(100).optional(),
      organizationChoice: z.string().max(100).optional(),
    }),
  },
  async (input, { actor, raw }) => {
    const personChoice = duplicateChoice(input.personChoice);
    const organizationChoice = duplicateChoice(input.organizationChoice);
    const person =
      "existingId" in personChoice
        ? personChoice
        : { input: parsePrefixed(personInputSchema, raw, "p_"), allowSimilar: personChoice.allowSimilar };
    const organization =
      "existingId" in organizationChoice
        ? organizationChoice
        : input.organizationId === CONVENER
          ? ("convener" as const)
          : input.organizationId !== "__new__"
            ? { existingId: input.organizationId }
            : { input: parsePrefixed(organizationInputSchema, raw, "o_"), allowSimilar: organizationChoice.allowSimilar };
    await addWalkIn({ actor, sessionId: input.sessionId, networkId: input.networkId, person, organization, role: input.role });
    revalidatePath(`/sessions/${input.sessionId}`);
    return { redirectTo: `/sessions/${input.sessionId}` };
  },
);
