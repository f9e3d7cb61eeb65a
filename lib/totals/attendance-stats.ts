/** A held session: its modality and the networks it was for. */
export type HeldSession = { id: string; modality: string; networkIds: string[] };
export type Membership = { personId: string; networkId: string };

export type AttendanceStats = {
  sessionsHeld: number;
  /** Present or late over expected, across held sessions; null without any. */
  attendanceRate: number | null;
  completed: number;
  byModality: Array<{ modality: string; sessionsHeld: number; attendanceRate: number | null }>;
  byNetwork: Map<string, number | null>;
  bySession: Map<string, { expected: number; attended: number }>;
};

const rate = (attended: number, expected: number) => (expected ? attended / expected : null);

/**
 * Attendance figures from records. A session expects every enrolled person of
 * its networks; a person completes the generation by attending at least
 * `completionPercent` of the held sessions meant for their networks.
 */
export function attendanceStats(options: {
  heldSessions: HeldSession[];
  memberships: Membership[];
  attended: Array<{ sessionId: string; personId: string }>;
  completionPercent: number;
}): AttendanceStats {
  const networksOf = new Map<string, Set<string>>();
  for (const { personId, networkId } of options.memberships)
    networksOf.set(personId, (networksOf.get(personId) ?? new Set()).add(networkId));
  const attendedBy = new Map<string, Set<string>>();
  for (const { sessionId, personId } of options.attended) attendedBy.set(sessionId, (attendedBy.get(sessionId) ?? new Set()).add(personId));

  const bySession = new Map<string, { expected: number; attended: number }>();
  const byModality = new Map<string, { sessions: number; expected: number; attended: number }>();
  const byNetwork = new Map<string, { expected: number; attended: number }>();
  const perPerson = new Map<string, { expected: number; attended: number }>();

  for (const session of options.heldSessions) {
    const audience = new Set(session.networkIds);
    const came = attendedBy.get(session.id) ?? new Set<string>();
    let expected = 0;
    let attended = 0;
    for (const [personId, networks] of networksOf) {
      const theirs = [...networks].filter((networkId) => audience.has(networkId));
      if (!theirs.length) continue;
      const present = came.has(personId);
      expected += 1;
      if (present) attended += 1;
      const person = perPerson.get(personId) ?? { expected: 0, attended: 0 };
      person.expected += 1;
      if (present) person.attended += 1;
      perPerson.set(personId, person);
      for (const networkId of theirs) {
        const network = byNetwork.get(networkId) ?? { expected: 0, attended: 0 };
        network.expected += 1;
        if (present) network.attended += 1;
        byNetwork.set(networkId, network);
      }
    }
    bySession.set(session.id, { expected, attended });
    const modality = byModality.get(session.modality) ?? { sessions: 0, expected: 0, attended: 0 };
    modality.sessions += 1;
    modality.expected += expected;
    modality.attended += attended;
    byModality.set(session.modality, modality);
  }

  const totals = [...bySession.values()].reduce(
    (sum, s) => ({ expected: sum.expected + s.expected, attended: sum.attended + s.attended }),
    { expected: 0, attended: 0 },
  );
  const completed = [...perPerson.values()].filter(
    (p) => p.expected > 0 && p.attended * 100 >= p.expected * options.completionPercent,
  ).length;
  return {
    sessionsHeld: options.heldSessions.length,
    attendanceRate: rate(totals.attended, totals.expected),
    completed,
    byModality: [...byModality.entries()].map(([modality, m]) => ({
      modality,
      sessionsHeld: m.sessions,
      attendanceRate: rate(m.attended, m.expected),
    })),
    byNetwork: new Map([...byNetwork.entries()].map(([id, n]) => [id, rate(n.attended, n.expected)])),
    bySession,
  };
}
