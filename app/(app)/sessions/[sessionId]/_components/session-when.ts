import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Formats a session's time in the viewer's locale, in the session's own time zone. */
export function sessionWhen(format: Formatter, session: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const day = format.dateTime(session.startsAt, { dateStyle: "full", timeZone: session.timeZone });
  const from = format.dateTime(session.startsAt, { timeStyle: "short", timeZone: session.timeZone });
  const to = format.dateTime(session.endsAt, { timeStyle: "short", timeZone: session.timeZone });
  return `${day}, ${from}–${to}`;
}
