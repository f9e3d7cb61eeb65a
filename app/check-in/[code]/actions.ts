"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/guarded-action";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { checkIn } from "@/lib/sessions/check-in";
import { emailField } from "@/lib/validation/fields";

/** Public: the code in the link and the email on the roster are what let a participant mark themself present. */
export const checkInAction = publicAction(
  { schema: z.object({ code: z.string().trim().min(1).max(64), email: emailField }) },
  async (input) => {
    const { outcome, name } = await checkIn({ code: input.code, email: input.email, ip: clientIp(await headers()) });
    if (outcome === "present" || outcome === "late" || outcome === "already")
      return { message: `checkIn.outcomes.${outcome}`, data: { name: name ?? "" } };
    throw new AppError("VALIDATION", `Check-in ${outcome}`, { messageKey: `checkIn.outcomes.${outcome}` });
  },
);
