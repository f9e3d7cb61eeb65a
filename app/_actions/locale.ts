"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/actor";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setOwnLocale } from "@/lib/users/account";

/** Works signed out too (the login page): the cookie remembers the browser, the user row remembers the person. */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const actor = await getActor();
  if (actor) await setOwnLocale({ actor, locale });
  revalidatePath("/", "layout");
}
