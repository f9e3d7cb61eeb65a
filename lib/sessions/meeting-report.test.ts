import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/registry/normalize";
import { wallTimeToDate } from "@/lib/dates/zoned";
import { joinSegments, matchParticipants, parseMeetingReport, statusFor } from "./meeting-report";

const english = `Meeting ID,Topic,Start Time,End Time
"812 3456 7890",Incidencia,04/15/2020 10:00:00 AM,04/15/2020 12:00:00 PM

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana López (Ana María López Pérez),ana.lopez@example.test,04/15/2020 10:00:00 AM,04/15/2020 10:40:00 AM,40,No
Ana López (Ana María López Pérez),ana.lopez@example.test,04/15/2020 10:35:00 AM,04/15/2020 11:30:00 AM,55,No
Luis Pérez,,04/15/2020 10:30:00 AM,04/15/2020 12:00:00 PM,90,Yes
Carmen Ruiz,,04/15/2020 10:02:00 AM,04/15/2020 10:20:00 AM,18,Yes
Invitado Misterioso,misterio@example.test,04/15/2020 10:00:00 AM,04/15/2020 12:00:00 PM,120,Yes
`;

const spanish = `\uFEFFNombre (nombre original);Correo electrónico del usuario;Hora de ingreso;Hora de salida;Duración (minutos);Invitado
José Ñúñez;jose@example.test;15/04/2020 10:00;15/04/2020 11:00;60;No
`;

const session = {
  startsAt: wallTimeToDate(2020, 4, 15, 10, 0, 0, "America/Mexico_City"),
  endsAt: wallTimeToDate(2020, 4, 15, 12, 0, 0, "America/Mexico_City"),
  presentPercent: 50,
  lateAfterMinutes: 15,
};

describe("meeting reports", () => {
  it("reads the participants table under Zoom's meeting summary, in the meeting's time zone", () => {
    const rows = parseMeetingReport(english);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      name: "Ana López",
      originalName: "Ana María López Pérez",
      email: "ana.lopez@example.test",
      minutes: 40,
      guest: false,
    });
    // 10:00 in Mexico City during 2020's daylight saving time is 15:00 UTC.
    expect(rows[0]!.join?.toISOString()).toBe("2020-04-15T15:00:00.000Z");
  });

  it("reads Spanish headers, semicolons and a byte-order mark", () => {
    const rows = parseMeetingReport(spanish);
    expect(rows).toEqual([expect.objectContaining({ name: "José Ñúñez", email: "jose@example.test", minutes: 60, guest: false })]);
    // Day first: 15 April, 10:00 in Mexico City.
    expect(rows[0]!.join?.toISOString()).toBe("2020-04-15T15:00:00.000Z");
  });

  it("joins a reconnecting person's segments without counting the overlap twice", () => {
    const [ana] = joinSegments(parseMeetingReport(english));
    expect(ana).toMatchObject({ email: "ana.lopez@example.test", minutes: 90, rows: 2 });
  });

  it("matches by email, then by name; never guesses between namesakes; leaves strangers unmatched", () => {
    // Words as the database's person_name_words gives them for these plain names (accents and case aside).
    const words = (name: string) => normalizeText(name).split(" ");
    const roster = [
      { personId: "ana", emailKey: "ana.lopez@example.test", nameWords: words("Ana María López Pérez") },
      { personId: "luis-1", emailKey: null, nameWords: words("Luis Pérez Soto") },
      { personId: "luis-2", emailKey: null, nameWords: words("Luis Pérez Vega") },
      { personId: "carmen", emailKey: null, nameWords: words("Carmen Ruiz Díaz") },
    ];
    const result = matchParticipants(joinSegments(parseMeetingReport(english)), roster, {
      words,
      emailKey: (email) => email.toLowerCase(),
    });
    expect(result.matched.map((m) => [m.personId, m.by])).toEqual([
      ["ana", "email"],
      ["carmen", "name"],
    ]);
    expect(result.unmatched.map((u) => [u.participant.name, u.reason])).toEqual([
      ["Luis Pérez", "ambiguous"],
      ["Invitado Misterioso", "no-match"],
    ]);
  });

  it("turns minutes and the first join into present, late or absent with the session's thresholds", () => {
    const at = (minutesAfterStart: number) => new Date(session.startsAt.getTime() + minutesAfterStart * 60_000);
    expect(statusFor({ minutes: 90, firstJoin: at(0) }, session)).toBe("PRESENT");
    expect(statusFor({ minutes: 90, firstJoin: at(30) }, session)).toBe("LATE");
    expect(statusFor({ minutes: 18, firstJoin: at(2) }, session)).toBe("ABSENT");
    expect(statusFor({ minutes: 18, firstJoin: at(2) }, { ...session, presentPercent: 10 })).toBe("PRESENT");
  });
});
