import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { DuplicatesFoundError } from "@/lib/registry/duplicates";
import { InvalidInputError } from "./invalid-input";
import { logger } from "@/lib/logger";
import type { ActionState } from "./action-state";
import { fieldErrorsFrom } from "./field-errors";
import { claimSubmission, completeSubmission, releaseSubmission } from "./submissions";

export type ActionOutcome = {
  /** Catalog key of a success message. */
  message?: string;
  data?: Record<string, string>;
  revalidate?: string[];
  redirectTo?: string;
};

type Config<Schema extends z.ZodType> = {
  /** Checked before anything else; null means any signed-in user. The data layer checks the target again. */
  permission: Permission | null;
  schema: Schema;
};

/**
 * The signed-in layer for actions a page calls directly with an object rather than a form (a roster
 * mark saved as it is tapped): a missing session goes to sign in, the input goes through the schema,
 * and errors become the caller's own result (`failed`), with the database's absence said as such.
 */
export function signedInCall<Schema extends z.ZodType, Result>(
  config: { schema: Schema },
  handler: (input: z.output<Schema>, context: { actor: Actor }) => Promise<Result>,
  failed: (message: string, error: unknown, code: AppErrorCode | undefined) => Result,
) {
  return async (input: z.input<Schema>): Promise<Result> => {
    const actor = await getActor().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return "unavailable" as const;
      throw error;
    });
    const t = await getTranslations();
    if (actor === "unavailable") return failed(t("errors.UNAVAILABLE"), null, "UNAVAILABLE");
    if (!actor) redirect("/login");
    const parsed = config.schema.safeParse(input);
    if (!parsed.success) return failed(t("errors.VALIDATION"), parsed.error, "VALIDATION");
    try {
      return await handler(parsed.data, { actor });
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error))
        return failed(
          typeof error.details?.messageKey === "string" ? translateKey(t, error.details.messageKey) : t(`errors.${error.code}`),
          error,
          error.code,
        );
      if (isDatabaseUnavailable(error)) return failed(t("errors.UNAVAILABLE"), error, "UNAVAILABLE");
      logger.error({ err: error, userId: actor.userId }, "action failed");
      return failed(t("errors.unexpected"), error, undefined);
    }
  };
}

/**
 * The first layer of the one action client, for the few forms used without a session (sign-in, self
 * check-in, accepting an invitation): input through the schema, errors mapped as in every action.
 * What lets the caller act travels in the input (a password, a check-in code, an invitation token) and
 * is checked by the data layer. The next layers are guardedAction: signed in, then with a permission.
 */
export function publicAction<Schema extends z.ZodType>(
  config: { schema: Schema },
  handler: (input: z.output<Schema>) => Promise<ActionOutcome | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const t = await getTranslations();
    const parsed = config.schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error, (key) => translateKey(t, key));
      return { status: "error", code: "VALIDATION", message: t("errors.VALIDATION"), fieldErrors, values };
    }
    const { state, outcome } = await run(() => handler(parsed.data), t, values, null);
    for (const path of outcome?.revalidate ?? []) revalidatePath(path);
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return state;
  };
}

/**
 * The public layer for a plain `<form action>` with nothing to show back (the language switch, signing
 * out): the form goes through the schema; input that does not parse does nothing.
 */
export function publicFormAction<Schema extends z.ZodType>(
  config: { schema: Schema },
  handler: (input: z.output<Schema>) => Promise<void>,
) {
  return async (formData: FormData): Promise<void> => {
    const parsed = config.schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return;
    await handler(parsed.data);
  };
}

/**
 * The one way to write a form action: session and permission first, then input
 * validation, then the data-layer call. Errors become translated messages;
 * redirects and revalidation happen after the try/catch so they are not swallowed.
 */
export function guardedAction<Schema extends z.ZodType>(
  config: Config<Schema>,
  handler: (input: z.output<Schema>, context: { actor: Actor; raw: Record<string, unknown> }) => Promise<ActionOutcome | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    let actor: Actor | null;
    try {
      actor = await getActor();
    } catch (error) {
      // The database is away: say so (translations work without it), keep what was typed.
      if (!isDatabaseUnavailable(error)) throw error;
      return { status: "error", code: "UNAVAILABLE", message: (await getTranslations())("errors.UNAVAILABLE"), values };
    }
    // A revoked or missing session is sent to sign in, whatever the form was.
    if (!actor) redirect("/login");
    const t = await getTranslations();

    if (config.permission && !can(actor, config.permission)) {
      logger.warn({ event: "action.forbidden", userId: actor.userId, permission: config.permission }, "action refused");
      return { status: "error", code: "FORBIDDEN", message: t("errors.FORBIDDEN"), values };
    }

    const raw = formDataToObject(formData);
    const parsed = config.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error, (key) => translateKey(t, key));
      return { status: "error", code: "VALIDATION", message: t("errors.VALIDATION"), fieldErrors, values };
    }

    // A double click or a retry after a timeout sends the same submission id: it gets the first one's answer.
    const submissionId = submissionIdOf(formData);
    const claim = submissionId ? await claimSubmission(submissionId, actor.userId) : "not-mine";
    if (claim === "pending") return { status: "error", code: "CONFLICT", message: t("errors.submissionPending"), values };
    if (typeof claim === "object") {
      if (claim.redirectTo) redirect(claim.redirectTo);
      return claim.state;
    }

    const { state, outcome } = await run(() => handler(parsed.data, { actor, raw }), t, values, actor.userId);
    if (claim === "first" && submissionId) {
      if (state.status === "success") await completeSubmission(submissionId, { state, redirectTo: outcome?.redirectTo });
      else await releaseSubmission(submissionId);
    }
    for (const path of outcome?.revalidate ?? []) revalidatePath(path);
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return state;
  };
}

async function run(
  work: () => Promise<ActionOutcome | void>,
  t: Translate,
  values: Record<string, string>,
  userId: string | null,
): Promise<{ state: ActionState; outcome?: ActionOutcome }> {
  let outcome: ActionOutcome | void;
  try {
    outcome = await work();
  } catch (error) {
    // Next's own control flow (a redirect after signing in, notFound) is not an error to show.
    unstable_rethrow(error);
    if (error instanceof DuplicatesFoundError) {
      return { state: { status: "error", code: "CONFLICT", message: t("duplicates.intro"), values, duplicates: error.duplicates } };
    }
    if (error instanceof InvalidInputError) {
      return {
        state: {
          status: "error",
          code: "VALIDATION",
          message: t("errors.VALIDATION"),
          values,
          fieldErrors: fieldErrorsFrom(error.zodError, (key) => translateKey(t, key), error.prefix),
        },
      };
    }
    if (isAppError(error)) {
      const field = typeof error.details?.field === "string" ? error.details.field : undefined;
      // An error may name its own catalog message (with values), e.g. why an import file was refused.
      const specific =
        typeof error.details?.messageKey === "string"
          ? t(error.details.messageKey as never, (error.details.messageValues ?? {}) as never)
          : undefined;
      const message = specific && !field ? specific : t(`errors.${error.code}`);
      const fieldText = specific ?? (field ? fieldMessage(t, error.code, field) : undefined);
      // An error may also correct a value the form sends back (a stale record's new version).
      const replaced = { ...values, ...((error.details?.replaceValues as Record<string, string> | undefined) ?? {}) };
      return {
        state: {
          status: "error",
          code: error.code,
          message,
          values: replaced,
          ...(field && fieldText ? { fieldErrors: { [field]: [fieldText] } } : {}),
        },
      };
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: { message: (error as Error)?.message }, userId }, "action: database unavailable");
      return { state: { status: "error", code: "UNAVAILABLE", message: t("errors.UNAVAILABLE"), values } };
    }
    logger.error({ err: error, userId }, "action failed");
    return { state: { status: "error", message: t("errors.unexpected"), values } };
  }
  return {
    state: {
      status: "success",
      message: outcome?.message ? translateKey(t, outcome.message, outcome.data) : undefined,
      data: outcome?.data,
    },
    outcome: outcome ?? undefined,
  };
}

/** The form's submission id (components/ui/submission-id.tsx), when it sends one. */
function submissionIdOf(formData: FormData) {
  const value = formData.get("_submission");
  return typeof value === "string" && /^[a-f0-9]{16,64}$/.test(value) ? value : undefined;
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

// The outcome's data fills the message's placeholders ("{name} quedó inscrita…").
function translateKey(t: Translate, key: string, values?: Record<string, string>) {
  return t.has(key) ? t(key as never, (values ?? {}) as never) : key;
}

function fieldMessage(t: Translate, code: string, field: string) {
  const specific = `errors.fields.${field}.${code}`;
  return t.has(specific) ? t(specific) : t(`errors.${code}`);
}

/** Repeated names (checkbox groups) become arrays; single ones stay strings. */
function formDataToObject(formData: FormData) {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$")) continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

function formValues(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    // Passwords are never sent back to the browser.
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}
