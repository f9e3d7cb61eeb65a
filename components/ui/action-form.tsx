"use client";

import { useActionState, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "./alert";

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
      {children}
      {state.status !== "idle" && <FormMessage state={state} />}
    </form>
  );
}
