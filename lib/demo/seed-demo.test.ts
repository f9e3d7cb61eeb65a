import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { compareGenerations } from "@/lib/dashboards/compare-generations";
import { findDuplicateOrganizations, findDuplicatePeople } from "@/lib/dedupe/find-duplicates";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import { signedInActor } from "@/tests/support/factories";
import { DEMO_IDS } from "./demo-registry";
import { seedDemo } from "./seed-demo";

describe("demo seed", () => {
  it("adds up to 132 people from 93 organizations in 4 networks and 3 states, and is idempotent", async () => {
    await seedDemo();
    const counts = async () => ({
      people: await db.person.count(),
      organizations: await db.organization.count(),
      enrollments: await db.enrollment.count(),
    });
    const first = await counts();
    await seedDemo();
    expect(await counts()).toEqual(first);

    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const summary = await getGenerationSummary({ actor: admin, generationId: DEMO_IDS.generation2020 });
    expect(summary).toMatchObject({ people: 132, organizations: 93, networks: 4, states: 3, enrolled: 132, sessionsHeld: 17 });
    // The in-person to virtual switch: 8 sessions in person, then 9 virtual.
    expect(summary.byModality.map((m) => [m.modality, m.sessionsHeld])).toEqual([
      ["IN_PERSON", 8],
      ["VIRTUAL", 9],
    ]);
    expect(summary.attendanceRate).toBeGreaterThan(0.5);
    // One person took part through two networks: the breakdown counts them in both.
    expect(summary.byNetwork.reduce((sum, network) => sum + Number(network.people), 0)).toBe(133);
    expect(summary.byState.map((state) => state.state).sort()).toEqual(["BCN", "CHH", "SON"]);

    const second = await getGenerationSummary({ actor: admin, generationId: DEMO_IDS.generation2021 });
    // Nobody has attended a 2021 session yet: six enrolled, none counted.
    expect(second).toMatchObject({ people: 0, enrolled: 6 });
    const { comparison } = await compareGenerations({ actor: admin, generationId: DEMO_IDS.generation2021 });
    expect(comparison?.returning).toMatchObject({ people: 4, laterEnrolledPeople: 6 });

    // The demo's duplicates page shows each way a record gets repeated, without moving the totals above.
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: DEMO_IDS.program }] });
    const people = await findDuplicatePeople({ actor: coordinator });
    const reasonsOf = (id: string) => people.pairs.find((pair) => pair.first.id === id || pair.second.id === id)?.reasons;
    expect(reasonsOf("demo-dup-person-1")).toEqual(["sameName", "samePhone"]);
    expect(reasonsOf("demo-dup-person-2")).toEqual(["missingSecondSurname", "sameEmail"]);
    expect(reasonsOf("demo-dup-person-3")).toEqual(["similarName", "sharedOrganization"]);
    const organizations = await findDuplicateOrganizations({ actor: coordinator });
    expect(organizations.pairs.map((pair) => [pair.first.id, pair.second.id].includes("demo-dup-organization-1"))).toContain(true);
  });
});
