"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/action-state";
import { clientIp } from "@/lib/auth/client-ip";
import { checkIn } from "@/lib/sessions/check-in";
import { emailField } from "@/lib/validation/fields";

/** Public: the code in the link and the email on the roster are what let a participant mark themself present. */
export async function checkInAction(code: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const email = emailField.safeParse(formData.get("email"));
  if (!email.success)
    return {
      status: "error",
      fieldErrors: { email: [t(email.error.issues[0]?.message ?? "validation.email")] },
      values: { email: String(formData.get("email") ?? "") },
    };
  const outcome = await checkIn({ code, email: email.data, ip: clientIp(await headers()) });
  const ok = outcome === "present" || outcome === "late" || outcome === "already";
  return { status: ok ? "success" : "error", message: t(`checkIn.outcomes.${outcome}`), values: ok ? undefined : { email: email.data } };
}
