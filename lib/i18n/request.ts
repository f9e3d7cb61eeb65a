import { cookies } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { loadMessages } from "./messages";

export const TIME_ZONE = "America/Mexico_City";

/** A signed-in user's saved language wins; then the browser's cookie; then Spanish. */
async function resolveLocale(): Promise<Locale> {
  try {
    const actor = await getActor();
    if (actor && isLocale(actor.locale)) return actor.locale;
  } catch (error) {
    unstable_rethrow(error);
    // With the database down, pages still render (in the cookie's language) to say so.
    logger.warn({ err: error }, "could not read the user's language");
  }
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

// A locale given by the caller (getTranslations({ locale }) in a cached dashboard section) is used as is: such a
// section may not read the request, and its language is part of its cache key.
export default getRequestConfig(async ({ locale: given }) => {
  const locale = isLocale(given) ? given : await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: TIME_ZONE };
});
