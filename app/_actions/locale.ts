"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions/guarded-action";
import { getActor } from "@/lib/auth/actor";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setOwnLocale } from "@/lib/users/account";
import { localeField } from "@/lib/validation/fields";

/** Works signed out too (the login page): the cookie remembers the browser, the user row remembers the person. */
export const setLocaleAction = publicFormAction({ schema: z.object({ locale: localeField }) }, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const actor = await getActor();
  if (actor) await setOwnLocale({ actor, locale });
  revalidatePath("/", "layout");
});
