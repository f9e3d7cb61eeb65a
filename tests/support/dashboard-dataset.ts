import { db } from "@/lib/db";
import { attend, createGeneration, createNetwork, createOrganization, createPerson, createSession, enroll } from "./factories";

/**
 * Hand-computed: N1 (Sonora) with org A, N2 (Chihuahua) with org B (a collective).
 * Held sessions: s1 in person for N1 (Feb), s2 virtual for everyone (Apr); s3 cancelled.
 * ana (woman, 30–44) N1/A: s1, s2.  luis (man) N1/A: s1.  sara (woman) N2/B: s2.  tomás N2/B: never came
 * (only "present" at the cancelled session).  rosa N1/A withdrew (present at s1, never counted).
 */
export async function createDashboardDataset() {
  const [n1, n2] = await Promise.all([createNetwork("N1"), createNetwork("N2")]);
  const generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  const a = await createOrganization({ networkIds: [n1.id], state: "SON" });
  const b = await createOrganization({ networkIds: [n2.id], state: "CHH" });
  await db.organization.update({ where: { id: b.id }, data: { type: "COLLECTIVE" } });
  const [ana, luis, sara, tomas, rosa] = await Promise.all([
    createPerson(),
    createPerson(),
    createPerson(),
    createPerson(),
    createPerson(),
  ]);
  await db.person.update({ where: { id: ana.id }, data: { gender: "WOMAN", ageRange: "AGE_30_44" } });
  await db.person.update({ where: { id: luis.id }, data: { gender: "MAN" } });
  await db.person.update({ where: { id: sara.id }, data: { gender: "WOMAN" } });
  await enroll(ana.id, generation.id, n1.id, a.id);
  await enroll(luis.id, generation.id, n1.id, a.id);
  await enroll(sara.id, generation.id, n2.id, b.id);
  await enroll(tomas.id, generation.id, n2.id, b.id);
  await enroll(rosa.id, generation.id, n1.id, a.id, "WITHDRAWN");
  const s1 = await createSession(generation.id, {
    status: "HELD",
    modality: "IN_PERSON",
    networkIds: [n1.id],
    startsAt: new Date("2020-02-10T16:00:00Z"),
  });
  const s2 = await createSession(generation.id, { status: "HELD", modality: "VIRTUAL", startsAt: new Date("2020-04-15T15:00:00Z") });
  const s3 = await createSession(generation.id, { status: "CANCELLED", modality: "VIRTUAL", startsAt: new Date("2020-05-15T15:00:00Z") });
  await attend(s1.id, ana.id);
  await attend(s1.id, luis.id, "LATE");
  await attend(s1.id, rosa.id);
  await attend(s2.id, ana.id);
  await attend(s2.id, sara.id);
  await attend(s3.id, tomas.id);
  return { generation, n1, n2, a, b, people: { ana, luis, sara, tomas, rosa }, sessions: { s1, s2, s3 } };
}
