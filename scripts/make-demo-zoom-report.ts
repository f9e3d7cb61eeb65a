/**
 * Writes e2e/fixtures/zoom-incidencia-2020-04-29.csv: a Zoom participants report
 * for the demo session "Incidencia" of 29 April 2020 (which has no marks yet).
 * Deterministic, from the same demo registry as the seed. Run: npx tsx scripts/make-demo-zoom-report.ts
 */
import fs from "node:fs";
import path from "node:path";
import { buildDemoRegistry } from "../lib/demo/demo-registry";
import { normalizeText } from "../lib/registry/normalize";

const registry = buildDemoRegistry();
const people = registry.people;
const time = (minutes: number) => {
  const total = 10 * 60 + minutes;
  const hour = Math.floor(total / 60);
  const minute = total % 60;
  const h12 = hour > 12 ? hour - 12 : hour;
  return `04/29/2020 ${String(h12).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00 ${hour >= 12 ? "PM" : "AM"}`;
};
const row = (name: string, email: string, from: number, to: number, guest = false) => [
  name,
  email,
  time(from),
  time(to),
  String(to - from),
  guest ? "Yes" : "No",
];

const rows: string[][] = [];
// Forty people by email; every fifth arrives late, every seventh leaves early, every eleventh reconnects.
people.slice(0, 40).forEach((person, index) => {
  const name = `${person.givenNames} ${person.firstSurname}`;
  const start = index % 5 === 0 ? 25 : 1;
  const end = index % 7 === 0 ? 40 : 118;
  if (index % 11 === 0) {
    rows.push(row(name, person.email, start, 60));
    rows.push(row(name, person.email, 58, Math.max(end, 90)));
  } else rows.push(row(name, person.email, start, end));
});
// Two people whose video name is their full name, without email: matched by name.
for (const person of people.slice(40, 42))
  rows.push(row(`${person.givenNames} ${person.firstSurname} ${person.secondSurname}`, "", 2, 117, true));
// A given name and surname shared by several people on the roster: never guessed.
const key = (p: (typeof people)[number]) => normalizeText(`${p.givenNames} ${p.firstSurname}`);
const counts = new Map<string, number>();
for (const person of people) counts.set(key(person), (counts.get(key(person)) ?? 0) + 1);
const shared = people.find((person) => (counts.get(key(person)) ?? 0) > 1);
if (shared) rows.push(row(`${shared.givenNames} ${shared.firstSurname}`, "", 3, 110, true));
// Someone from outside the program.
rows.push(row("Observadora Externa (Invitada de la fundación)", "observadora@example.net", 0, 120, true));

const english = ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest"].join(",");
const csv = [
  english,
  ...rows.map((cells) => cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")),
].join("\n");
const target = path.join(import.meta.dirname, "..", "e2e", "fixtures", "zoom-incidencia-2020-04-29.csv");
fs.writeFileSync(
  target,
  `Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n81234567891,Incidencia en políticas públicas (2),04/29/2020 10:00:00 AM,04/29/2020 12:00:00 PM,fesac@example.org,120,${rows.length}\n\n${csv}\n`,
);
console.log(
  `Wrote ${rows.length} rows to ${path.relative(process.cwd(), target)}; shared name: ${shared ? `${shared.givenNames} ${shared.firstSurname}` : "none"}`,
);
