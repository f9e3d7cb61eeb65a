import type { Locale } from "./locales";
import type es from "./messages/es-MX.json";

export type Messages = typeof es;

export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case "en":
      return (await import("./messages/en.json")).default;
    default:
      return (await import("./messages/es-MX.json")).default;
  }
}
