import type { AttendanceStatus, Modality, WorkshopTopic } from "@/lib/generated/prisma/enums";
import { wallTimeToDate } from "@/lib/dates/zoned";
import { DEMO_IDS } from "./demo-registry";

const { impulso, sonora, aser, coalicion } = DEMO_IDS.networks;
const ZONE = "America/Mexico_City";
const at = (date: string, time: string) => {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return wallTimeToDate(y!, m!, d!, h!, min!, 0, ZONE);
};

type SessionSeed = {
  id: string;
  date: string;
  time: string;
  minutes: number;
  modality: Modality;
  place?: string;
  networkIds?: string[];
  seedAttendance?: boolean;
};
type WorkshopSeed = { id: string; title: string; topic: WorkshopTopic; order: number; description: string; sessions: SessionSeed[] };

const inPerson = (id: string, date: string, networkId: string, place: string): SessionSeed => ({
  id,
  date,
  time: "10:00",
  minutes: 240,
  modality: "IN_PERSON",
  place,
  networkIds: [networkId],
});
const virtual = (id: string, date: string, networkIds?: string[], seedAttendance = true): SessionSeed => ({
  id,
  date,
  time: "10:00",
  minutes: 120,
  modality: "VIRTUAL",
  networkIds,
  seedAttendance,
});

/** The 2020 workshops: in person in February and March, fully virtual from April on. */
export const DEMO_WORKSHOPS_2020: WorkshopSeed[] = [
  {
    id: "demo-ws-kickoff",
    title: "Arranque del proyecto",
    topic: "KICKOFF",
    order: 1,
    description: "Presentación del proyecto, acuerdos de trabajo y expectativas de cada red.",
    sessions: [
      inPerson("demo-s-kickoff-impulso", "2020-02-06", impulso, "FECHAC, Chihuahua"),
      inPerson("demo-s-kickoff-sonora", "2020-02-07", sonora, "FESAC, Hermosillo"),
      inPerson("demo-s-kickoff-aser", "2020-02-11", aser, "FIC, Tijuana"),
      inPerson("demo-s-kickoff-coalicion", "2020-02-12", coalicion, "FIC, Tijuana"),
    ],
  },
  {
    id: "demo-ws-needs",
    title: "Mapeo de necesidades de la red",
    topic: "NEEDS_MAPPING",
    order: 2,
    description: "Diagnóstico participativo de capacidades y necesidades de cada red.",
    sessions: [
      inPerson("demo-s-needs-impulso", "2020-03-03", impulso, "FECHAC, Chihuahua"),
      inPerson("demo-s-needs-sonora", "2020-03-04", sonora, "FESAC, Hermosillo"),
      inPerson("demo-s-needs-aser", "2020-03-10", aser, "FIC, Tijuana"),
      inPerson("demo-s-needs-coalicion", "2020-03-11", coalicion, "FIC, Tijuana"),
    ],
  },
  {
    id: "demo-ws-advocacy",
    title: "Incidencia en políticas públicas",
    topic: "ADVOCACY",
    order: 3,
    description: "Herramientas de incidencia para redes de organizaciones.",
    // The second session's report has not been uploaded yet: try it with e2e/fixtures/zoom-incidencia-2020-04-29.csv.
    sessions: [virtual("demo-s-advocacy-1", "2020-04-15"), virtual("demo-s-advocacy-2", "2020-04-29", undefined, false)],
  },
  {
    id: "demo-ws-sustainability",
    title: "Sostenibilidad y procuración de fondos",
    topic: "SUSTAINABILITY",
    order: 4,
    description: "Modelos de sostenibilidad y movilización de recursos.",
    sessions: [virtual("demo-s-sustainability-1", "2020-05-13"), virtual("demo-s-sustainability-2", "2020-05-27")],
  },
  {
    id: "demo-ws-plan",
    title: "Plan de fortalecimiento de la red",
    topic: "STRENGTHENING_PLAN",
    order: 5,
    description: "Cada red redacta su plan de fortalecimiento.",
    sessions: [
      virtual("demo-s-plan-impulso", "2020-06-09", [impulso]),
      virtual("demo-s-plan-sonora", "2020-06-10", [sonora]),
      virtual("demo-s-plan-aser", "2020-06-16", [aser]),
      virtual("demo-s-plan-coalicion", "2020-06-17", [coalicion]),
    ],
  },
  {
    id: "demo-ws-closing",
    title: "Cierre de la primera generación",
    topic: "CLOSING",
    order: 6,
    description: "Presentación de los planes y cierre con las cuatro redes.",
    sessions: [virtual("demo-s-closing", "2020-07-22")],
  },
];

export function sessionTimes(session: SessionSeed) {
  const startsAt = at(session.date, session.time);
  return { startsAt, endsAt: new Date(startsAt.getTime() + session.minutes * 60_000) };
}

/** Deterministic marks: most people come to most sessions, and everybody comes to at least one. */
export function demoAttendance(enrollments: Array<{ personId: string; networkId: string }>, allNetworkIds: string[]) {
  let state = 2020;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const networksOf = new Map<string, Set<string>>();
  for (const { personId, networkId } of enrollments) networksOf.set(personId, (networksOf.get(personId) ?? new Set()).add(networkId));
  const rows: Array<{ sessionId: string; personId: string; status: AttendanceStatus; minutes: number | null }> = [];
  const attendedSomething = new Set<string>();
  const sessions = DEMO_WORKSHOPS_2020.flatMap((workshop) => workshop.sessions).filter((session) => session.seedAttendance !== false);
  for (const session of sessions) {
    const audience = new Set(session.networkIds ?? allNetworkIds);
    for (const [personId, networks] of networksOf) {
      if (![...networks].some((networkId) => audience.has(networkId))) continue;
      const roll = next();
      const came = roll < (session.modality === "IN_PERSON" ? 0.78 : 0.68);
      const status: AttendanceStatus = came ? (next() < 0.1 ? "LATE" : "PRESENT") : next() < 0.25 ? "EXCUSED" : "ABSENT";
      if (came) attendedSomething.add(personId);
      rows.push({
        sessionId: session.id,
        personId,
        status,
        minutes: session.modality === "VIRTUAL" ? (came ? 95 + Math.round(next() * 25) : 0) : null,
      });
    }
  }
  // Anyone who missed everything came to the closing session.
  for (const row of rows) {
    if (row.sessionId === "demo-s-closing" && !attendedSomething.has(row.personId)) {
      row.status = "PRESENT";
      row.minutes = 110;
      attendedSomething.add(row.personId);
    }
  }
  return rows;
}
