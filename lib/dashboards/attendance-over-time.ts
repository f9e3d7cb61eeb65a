import type { Modality } from "@/lib/generated/prisma/enums";

type SessionRatio = { id: string; startsAt: Date; modality: string; expected: number; attended: number };
export type TimeBucket = { key: string; startsAt: Date; modality: Modality | "MIXED"; sessions: number; rate: number | null };

/** Beyond this many held sessions one bar per session is unreadable (a national program holds thousands). */
export const MAX_SESSION_BARS = 60;

const mondayOf = (date: Date) => {
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - daysSinceMonday));
};

/**
 * Attendance over time: one bar per held session while they fit, else one per
 * week (attended over expected of the week's sessions), coloured by modality,
 * "MIXED" when a week mixes modalities, so the in-person → virtual switch stays visible.
 */
export function attendanceOverTime(sessions: SessionRatio[]): { granularity: "session" | "week"; buckets: TimeBucket[] } {
  const rate = (attended: number, expected: number) => (expected ? attended / expected : null);
  if (sessions.length <= MAX_SESSION_BARS)
    return {
      granularity: "session",
      buckets: sessions.map((s) => ({
        key: s.id,
        startsAt: s.startsAt,
        modality: s.modality as Modality,
        sessions: 1,
        rate: rate(s.attended, s.expected),
      })),
    };
  const weeks = new Map<number, { startsAt: Date; modalities: Set<string>; sessions: number; expected: number; attended: number }>();
  for (const session of sessions) {
    const monday = mondayOf(session.startsAt);
    const week = weeks.get(monday.getTime()) ?? { startsAt: monday, modalities: new Set(), sessions: 0, expected: 0, attended: 0 };
    week.modalities.add(session.modality);
    week.sessions += 1;
    week.expected += session.expected;
    week.attended += session.attended;
    weeks.set(monday.getTime(), week);
  }
  return {
    granularity: "week",
    buckets: [...weeks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([time, week]) => ({
        key: String(time),
        startsAt: week.startsAt,
        modality: week.modalities.size === 1 ? ([...week.modalities][0] as Modality) : "MIXED",
        sessions: week.sessions,
        rate: rate(week.attended, week.expected),
      })),
  };
}
