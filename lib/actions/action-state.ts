import type { AppErrorCode } from "@/lib/errors";
import type { OrganizationCandidate, PersonCandidate } from "@/lib/registry/duplicates";

/** What every form action returns to `useActionState`. Messages are already translated. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  /** Why an error happened, for code rather than people (the message is for people): an AppError code. */
  code?: AppErrorCode;
  fieldErrors?: Record<string, string[]>;
  /** Values to put back in the form after an error, so nothing typed is lost. */
  values?: Record<string, string>;
  /** Extra data for the form to show on success (e.g. a one-time link). */
  data?: Record<string, string>;
  /** Existing records that look like the one being created, for the user to choose. */
  duplicates?: { people?: PersonCandidate[]; organizations?: OrganizationCandidate[] };
};

export const initialActionState: ActionState = { status: "idle" };
