import { describe, expect, it } from "vitest";
import { createProgram, signedInActor } from "@/tests/support/factories";
import { findPrograms } from "./find-programs";

describe("findPrograms", () => {
  it("shows a user without grants no program data", async () => {
    await createProgram();
    const nobody = await signedInActor();
    expect(await findPrograms({ actor: nobody })).toEqual([]);
  });

  it("shows program roles only their own program, and admins every program", async () => {
    const [mine, other] = await Promise.all([createProgram("A mine"), createProgram("B other")]);
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: mine.id }] });
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: other.id }] });
    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });

    expect(await findPrograms({ actor: coordinator })).toEqual([mine]);
    expect(await findPrograms({ actor: funder })).toEqual([other]);
    expect((await findPrograms({ actor: admin })).map((program) => program.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
  });
});
