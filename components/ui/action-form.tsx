"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "./alert";
import { SubmissionId } from "@/components/ui/submission-id";

// What the last submission sent, so choices made inside the form survive an error: React resets a form after its
// action, to each input's default, and the default of a RememberedRadio is what was posted.
const PostedValues = createContext<Record<string, string> | undefined>(undefined);

/** A small form around a guarded action that shows the action's outcome below it. */
export function ActionForm({
  action,
  children,
  className,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className={className}>
      <SubmissionId answered={state} />
      <PostedValues.Provider value={state.status === "error" ? state.values : undefined}>{children}</PostedValues.Provider>
      {state.status !== "idle" && <FormMessage state={state} />}
    </form>
  );
}

/** A radio button inside an ActionForm that comes back checked as posted after an error, else as `defaultChecked`. */
export function RememberedRadio({
  name,
  value,
  defaultChecked,
  className,
}: {
  name: string;
  value: string;
  defaultChecked?: boolean;
  className?: string;
}) {
  const posted = useContext(PostedValues);
  const checked = posted && name in posted ? posted[name] === value : defaultChecked;
  return <input type="radio" name={name} value={value} defaultChecked={checked} className={className} />;
}
