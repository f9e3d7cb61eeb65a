import Papa from "papaparse";
import { wallTimeToDate } from "@/lib/dates/zoned";
import { comparePersonNames } from "@/lib/matching/compare-person-names";
import { normalizeText } from "@/lib/registry/normalize";

/**
 * Reading a video-meeting participants report (Zoom's CSV, English or Spanish
 * headers) and deciding who attended. Pure functions: no database here.
 */
export type ReportRow = {
  name: string;
  originalName?: string;
  email?: string;
  join?: Date;
  leave?: Date;
  minutes: number;
  guest?: boolean;
};

const HEADERS: Record<keyof Omit<ReportRow, "originalName">, string[]> = {
  name: ["name (original name)", "nombre (nombre original)", "name", "nombre", "participant", "participante", "display name"],
  email: ["user email", "email", "correo electronico del usuario", "correo electronico", "correo del usuario", "correo"],
  join: ["join time", "hora de ingreso", "hora de entrada", "hora para unirse", "hora de union"],
  leave: ["leave time", "hora de salida", "hora de abandono"],
  minutes: ["duration (minutes)", "duracion (minutos)", "duration", "duracion", "minutes", "minutos"],
  guest: ["guest", "invitado"],
};

const headerKey = (value: string) => normalizeText(value.replace(/[()]/g, " ")).replace(/\s+/g, " ");

function columnsOf(header: string[]) {
  const keys = header.map(headerKey);
  const find = (candidates: string[]) => {
    for (const candidate of candidates.map(headerKey)) {
      const index = keys.indexOf(candidate);
      if (index >= 0) return index;
    }
    return -1;
  };
  return Object.fromEntries(Object.entries(HEADERS).map(([field, candidates]) => [field, find(candidates)])) as Record<
    keyof typeof HEADERS,
    number
  >;
}

/** Zoom writes "11/27/2026 10:02:11 AM" in the meeting's zone (or ISO); anything unreadable is left out. */
function parseTime(value: string | undefined, timeZone: string, dayFirst: boolean): Date | undefined {
  if (!value?.trim()) return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i.exec(value.trim());
  if (us) {
    // Spanish reports write day/month; English ones month/day.
    const [, first, second_, year, hourText, minute, second = "0", meridiem] = us;
    const [month, day] = dayFirst || Number(first) > 12 ? [second_, first] : [first, second_];
    let hour = Number(hourText);
    if (meridiem?.toUpperCase() === "PM" && hour < 12) hour += 12;
    if (meridiem?.toUpperCase() === "AM" && hour === 12) hour = 0;
    return wallTimeToDate(Number(year), Number(month), Number(day), hour, Number(minute), Number(second), timeZone);
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Parses the participants table, skipping any meeting summary above its header row. */
export function parseMeetingReport(content: string, timeZone = "America/Mexico_City"): ReportRow[] {
  const text = content.replace(/^\uFEFF/, "");
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const headerIndex = data.findIndex((row) => {
    const columns = columnsOf(row);
    return columns.name >= 0 && (columns.minutes >= 0 || columns.join >= 0);
  });
  if (headerIndex < 0) return [];
  const header = data[headerIndex] ?? [];
  const columns = columnsOf(header);
  const dayFirst = header.some((title) => /nombre|correo/i.test(title));
  const cell = (row: string[], index: number) => (index >= 0 ? row[index]?.trim() : undefined);
  return data.slice(headerIndex + 1).flatMap((row) => {
    const rawName = cell(row, columns.name);
    if (!rawName) return [];
    const original = /^(.*?)\s*\((.+)\)\s*$/.exec(rawName);
    const join = parseTime(cell(row, columns.join), timeZone, dayFirst);
    const leave = parseTime(cell(row, columns.leave), timeZone, dayFirst);
    const reported = Number(cell(row, columns.minutes));
    const minutes =
      Number.isFinite(reported) && reported >= 0 ? reported : join && leave ? Math.max(0, (leave.getTime() - join.getTime()) / 60_000) : 0;
    const guest = cell(row, columns.guest);
    return [
      {
        name: original?.[1] || rawName,
        originalName: original?.[2],
        email: cell(row, columns.email)?.toLowerCase() || undefined,
        join,
        leave,
        minutes,
        guest: guest ? /^(yes|si|sí|true|1)$/i.test(guest) : undefined,
      },
    ];
  });
}

export type Participant = {
  key: string;
  name: string;
  originalName?: string;
  names: string[];
  email?: string;
  minutes: number;
  firstJoin?: Date;
  rows: number;
};

/**
 * One participant per email (or per name when there is none): a person who
 * reconnected appears once, with overlapping segments counted once.
 */
export function joinSegments(rows: ReportRow[]): Participant[] {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = row.email ? `email:${row.email}` : `name:${normalizeText(row.originalName ?? row.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const timed = group.filter((row) => row.join && row.leave);
    let minutes: number;
    if (timed.length === group.length && timed.length > 0) {
      const intervals = timed.map((row) => [row.join!.getTime(), row.leave!.getTime()] as const).sort((a, b) => a[0] - b[0]);
      let total = 0;
      let [start, end] = intervals[0]!;
      for (const [nextStart, nextEnd] of intervals.slice(1)) {
        if (nextStart <= end) end = Math.max(end, nextEnd);
        else {
          total += end - start;
          [start, end] = [nextStart, nextEnd];
        }
      }
      total += end - start;
      minutes = Math.round(total / 60_000);
    } else {
      minutes = Math.round(group.reduce((sum, row) => sum + row.minutes, 0));
    }
    const joins = group.flatMap((row) => (row.join ? [row.join.getTime()] : []));
    const names = [...new Set(group.flatMap((row) => [row.name, ...(row.originalName ? [row.originalName] : [])]))];
    return {
      key,
      name: group[0]!.name,
      originalName: group[0]!.originalName,
      names,
      email: group[0]!.email,
      minutes,
      firstJoin: joins.length ? new Date(Math.min(...joins)) : undefined,
      rows: group.length,
    };
  });
}

export type RosterPerson = { personId: string; emailKey: string | null; nameWords: string[] };
export type MatchResult = {
  matched: Array<{ participant: Participant; personId: string; by: "email" | "name" }>;
  unmatched: Array<{ participant: Participant; reason: "no-match" | "ambiguous" }>;
};

/**
 * Email first, then name: every word of the reported name must be in the person's name, as
 * the matcher compares names (comparePersonNames: "Ana López" or "Lupita López" find
 * "Guadalupe Ana López Pérez"), and exactly one roster person may fit — two people with the same
 * name are never guessed between. `keysOf` gives each reported name's words and each email's key
 * as the database computes them (lib/matching/person-name-words.ts).
 * A person matched by two report entries (two devices) gets their minutes added.
 */
export function matchParticipants(
  participants: Participant[],
  roster: RosterPerson[],
  keysOf: { words: (name: string) => string[]; emailKey: (email: string) => string | null },
): MatchResult {
  // An inbox several people of the roster share names nobody in particular.
  const owners = new Map<string, string[]>();
  for (const person of roster) if (person.emailKey) owners.set(person.emailKey, [...(owners.get(person.emailKey) ?? []), person.personId]);
  const byEmail = new Map([...owners].flatMap(([key, ids]) => (ids.length === 1 ? [[key, ids[0]!] as const] : [])));
  const result: MatchResult = { matched: [], unmatched: [] };
  for (const participant of participants) {
    const key = participant.email ? keysOf.emailKey(participant.email) : null;
    const emailMatch = key ? byEmail.get(key) : undefined;
    if (emailMatch) {
      result.matched.push({ participant, personId: emailMatch, by: "email" });
      continue;
    }
    const candidates = new Set<string>();
    for (const name of participant.names) {
      const words = keysOf.words(name);
      if (words.length < 2) continue;
      for (const person of roster) {
        const relation = comparePersonNames(words, person.nameWords);
        if (relation.kind !== "different" && !relation.onlyFirst.length) candidates.add(person.personId);
      }
    }
    if (candidates.size === 1) result.matched.push({ participant, personId: [...candidates][0]!, by: "name" });
    else result.unmatched.push({ participant, reason: candidates.size > 1 ? "ambiguous" : "no-match" });
  }
  return result;
}

/** Present with enough of the session, late if they joined after the grace period, absent otherwise. */
export function statusFor(
  participant: { minutes: number; firstJoin?: Date },
  session: { startsAt: Date; endsAt: Date; presentPercent: number; lateAfterMinutes: number },
): "PRESENT" | "LATE" | "ABSENT" {
  const sessionMinutes = Math.max(1, (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  if (participant.minutes < (sessionMinutes * session.presentPercent) / 100) return "ABSENT";
  if (participant.firstJoin && participant.firstJoin.getTime() > session.startsAt.getTime() + session.lateAfterMinutes * 60_000)
    return "LATE";
  return "PRESENT";
}
