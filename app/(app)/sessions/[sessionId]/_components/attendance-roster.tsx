"use client";

import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { saveAttendanceMark, type MarkResult } from "../../actions";

type Status = "PRESENT" | "LATE" | "EXCUSED" | "ABSENT";
type Mark = { status: Status; minutes: number | null; note: string | null; version: number };
export type RosterEntry = { personId: string; name: string; organization: string; network: string; attendance: Mark | null };

const STATUSES: Status[] = ["PRESENT", "LATE", "EXCUSED", "ABSENT"];
const TONE: Record<Status, string> = {
  PRESENT: "peer-checked:bg-emerald-700 peer-checked:text-white peer-checked:border-emerald-700",
  LATE: "peer-checked:bg-amber-700 peer-checked:text-white peer-checked:border-amber-700",
  EXCUSED: "peer-checked:bg-sky-700 peer-checked:text-white peer-checked:border-sky-700",
  ABSENT: "peer-checked:bg-slate-700 peer-checked:text-white peer-checked:border-slate-700",
};

/**
 * Taking attendance: one tap (or arrow keys) per person, saved as you go.
 * Each save carries the version the screen showed; if someone else changed the
 * row meanwhile the server refuses, and the row shows their value instead.
 */
export function AttendanceRoster({ sessionId, entries, canRecord }: { sessionId: string; entries: RosterEntry[]; canRecord: boolean }) {
  const t = useTranslations("attendance");
  const [marks, setMarks] = useState(() => new Map(entries.map((entry) => [entry.personId, entry.attendance])));
  const [messages, setMessages] = useState(new Map<string, { tone: "error" | "saved"; text: string }>());
  const [filter, setFilter] = useState("");
  const [, startTransition] = useTransition();

  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? entries.filter((entry) => `${entry.name} ${entry.organization}`.toLocaleLowerCase().includes(needle)) : entries;
  }, [entries, filter]);
  const counts = STATUSES.map((status) => [status, [...marks.values()].filter((mark) => mark?.status === status).length] as const);
  const unmarked = entries.length - [...marks.values()].filter(Boolean).length;
  const attended = [...marks.values()].filter((mark) => mark?.status === "PRESENT" || mark?.status === "LATE").length;
  const rate = entries.length ? Math.round((attended * 100) / entries.length) : 0;

  function save(personId: string, change: Partial<Mark>) {
    const current = marks.get(personId) ?? null;
    const next: Mark = {
      status: change.status ?? current?.status ?? "PRESENT",
      minutes: change.minutes ?? current?.minutes ?? null,
      note: change.note ?? current?.note ?? null,
      version: current?.version ?? 0,
    };
    setMarks((map) => new Map(map).set(personId, next));
    startTransition(async () => {
      const result: MarkResult = await saveAttendanceMark({
        sessionId,
        personId,
        status: next.status,
        minutes: next.minutes,
        note: next.note,
        expectedVersion: current?.version ?? 0,
      });
      setMarks((map) => new Map(map).set(personId, result.ok ? result.value : (result.current ?? current)));
      setMessages((map) =>
        new Map(map).set(personId, result.ok ? { tone: "saved", text: t("saved") } : { tone: "error", text: result.message }),
      );
    });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="roster-filter" className="block text-sm font-medium text-slate-800">
            {t("filter")}
          </label>
          <input
            id="roster-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="block min-h-11 w-full rounded-md border border-slate-400 px-3"
          />
        </div>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="attendance-counts">
          {counts.map(([status, count]) => `${t(`statuses.${status}`)}: ${count}`).join(" · ")} · {t("unmarked", { count: unmarked })} ·{" "}
          {t("rate", { rate })}
        </p>
      </div>
      <ul className="divide-y divide-slate-200" data-testid="roster">
        {visible.map((entry) => {
          const mark = marks.get(entry.personId) ?? null;
          const message = messages.get(entry.personId);
          return (
            <li key={entry.personId} className="py-3">
              <fieldset disabled={!canRecord}>
                <legend className="font-medium text-slate-900">
                  {entry.name}
                  <span className="block text-sm font-normal text-slate-700">
                    {entry.organization} · {entry.network}
                  </span>
                </legend>
                <div className="mt-2 grid grid-cols-4 gap-1 sm:max-w-md">
                  {STATUSES.map((status) => (
                    <label key={status} className="relative">
                      <input
                        type="radio"
                        name={`status-${entry.personId}`}
                        value={status}
                        checked={mark?.status === status}
                        onChange={() => save(entry.personId, { status })}
                        className="peer sr-only"
                      />
                      <span
                        className={cn(
                          "flex min-h-12 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-1 text-center text-sm font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
                          TONE[status],
                        )}
                      >
                        {t(`statuses.${status}`)}
                      </span>
                    </label>
                  ))}
                </div>
                {mark && (
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-slate-700">{t("details")}</summary>
                    <div className="mt-2 flex flex-wrap gap-3">
                      <label className="text-sm">
                        {t("minutes")}
                        <input
                          type="number"
                          min={0}
                          inputMode="numeric"
                          defaultValue={mark.minutes ?? ""}
                          onBlur={(event) =>
                            event.target.value !== String(mark.minutes ?? "") &&
                            save(entry.personId, { minutes: event.target.value === "" ? null : Number(event.target.value) })
                          }
                          className="ml-2 min-h-11 w-24 rounded-md border border-slate-400 px-2"
                        />
                      </label>
                      <label className="flex-1 text-sm">
                        {t("note")}
                        <input
                          type="text"
                          defaultValue={mark.note ?? ""}
                          onBlur={(event) => event.target.value !== (mark.note ?? "") && save(entry.personId, { note: event.target.value })}
                          className="ml-2 min-h-11 w-full max-w-sm rounded-md border border-slate-400 px-2"
                        />
                      </label>
                    </div>
                  </details>
                )}
                {message && (
                  <p
                    role={message.tone === "error" ? "alert" : "status"}
                    className={cn("mt-1 text-sm", message.tone === "error" ? "font-medium text-red-700" : "text-emerald-800")}
                  >
                    {message.text}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
