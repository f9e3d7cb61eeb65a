/**
 * Wall-clock times in a named time zone (the app stores instants; people type
 * and read America/Mexico_City times). Built on Intl, so daylight-saving rules
 * of any year are right.
 */
export function zonedParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the wall clock of `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string) {
  const p = zonedParts(new Date(instant), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
}

/** A wall-clock time in `timeZone` as an instant. */
export function wallTimeToDate(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string) {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return new Date(asUtc - zoneOffsetMs(first, timeZone));
}

/** "2020-04-15T10:00" in `timeZone`, for a datetime-local input. */
export function toLocalInputValue(instant: Date, timeZone: string) {
  const p = zonedParts(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
