/**
 * The duplicates part of `npm run bench`: the duplicates page's data over the national program of
 * scripts/bench/national-seed.ts (101,000 people, 1,000 of them planted duplicates written
 * differently; 30,000 organizations). Times the ranked list a coordinator opens, and counts how
 * many planted duplicates it proposes.
 */
import { NATIONAL } from "./national-seed";

export async function benchDuplicatesScale(results: string[]) {
  const { db } = await import("@/lib/db");
  const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
  const { findDuplicatePeople, findDuplicateOrganizations } = await import("@/lib/dedupe/find-duplicates");
  const { scorePersonPairs } = await import("@/lib/dedupe/person-duplicate-pairs");
  // The export benchmark's 50,000 people ("Persona123 Exportación Prueba", five to a phone number) served their purpose:
  // as duplicates they would be 100,000 look-alike pairs no registry has. The import benchmark runs after this one.
  await db.person.deleteMany({ where: { id: { startsWith: "bench-export-" } } });
  // What autovacuum would do after such a delete; without it every scan still reads the 50,000 dead rows.
  await db.$executeRaw`VACUUM ANALYZE people`;
  const user = await db.user.create({
    data: {
      email: "duplicados@national.test",
      name: "Duplicados",
      grants: { create: { role: "COORDINATOR", programId: NATIONAL.programId } },
    },
  });
  const actor = (await findActorBySessionId(await createAuthSession(user.id)))!;
  const people = await db.person.count();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  // Cold: as after any write (the pairs are kept per data version, lib/totals/data-version.ts); warm: the next viewers.
  const afterWrite = () => db.$queryRaw`SELECT nextval('totals_data_version')`;
  const runs: number[] = [];
  const warmRuns: number[] = [];
  let page = await findDuplicatePeople({ actor });
  for (let run = 0; run < 5; run++) {
    await afterWrite();
    const started = performance.now();
    page = await findDuplicatePeople({ actor });
    runs.push(performance.now() - started);
    const again = performance.now();
    await findDuplicatePeople({ actor, page: 2 });
    warmRuns.push(performance.now() - again);
  }
  const pairs = await scorePersonPairs();
  const planted = new Set(pairs.flatMap((pair) => [pair.firstId, pair.secondId]).filter((id) => id.startsWith("nat-dup")));
  const plantedHigh = new Set(
    pairs
      .filter((pair) => pair.confidence === "high")
      .flatMap((pair) => [pair.firstId, pair.secondId])
      .filter((id) => id.startsWith("nat-dup")),
  );
  const organizationRuns: number[] = [];
  let organizations = await findDuplicateOrganizations({ actor });
  for (let run = 0; run < 3; run++) {
    await afterWrite();
    const started = performance.now();
    organizations = await findDuplicateOrganizations({ actor });
    organizationRuns.push(performance.now() - started);
  }
  results.push(
    `Duplicates page over ${people.toLocaleString("en")} people (coordinator, page 1 of ${page.pageCount}), first view after a write: median ${ms(median(runs))}, min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))} (5 runs); next views: median ${ms(median(warmRuns))}; ${page.total} pairs (${page.byConfidence.high} high, ${page.byConfidence.medium} medium, ${page.byConfidence.low} low); planted duplicates proposed: ${planted.size} of 1,000 (${plantedHigh.size} high)`,
    `Duplicates page over ${(await db.organization.count()).toLocaleString("en")} organizations, first view after a write: median ${ms(median(organizationRuns))} (3 runs); ${organizations.total} pairs`,
  );
}
