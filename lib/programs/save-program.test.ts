import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveGeneration, setGenerationActive } from "@/lib/generations/save-generation";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import { createNetwork, createOrganization, createProgram, signedInActor } from "@/tests/support/factories";
import { addProgramPartner, saveProgram } from "./save-program";

describe("programs and generations", () => {
  it("only admins set up programs and their partners", async () => {
    const program = await createProgram();
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: program.id }] });
    await expect(saveProgram({ actor: coordinator, input: { name: "Nuevo", description: null } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const org = await createOrganization();
    await expect(
      addProgramPartner({ actor: coordinator, programId: program.id, partner: { organizationId: org.id, role: "FUNDER" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const admin = await signedInActor({ grants: [{ role: "ADMIN" }] });
    const { programId } = await saveProgram({ actor: admin, input: { name: "Programa de prueba", description: null } });
    await addProgramPartner({ actor: admin, programId, partner: { organizationId: org.id, role: "FUNDER" } });
    await addProgramPartner({ actor: admin, programId, partner: { organizationId: org.id, role: "FUNDER" } });
    expect(await db.programPartner.count({ where: { programId } })).toBe(1);
  });

  it("a coordinator creates generations only in their program; a deactivated one disappears from the totals", async () => {
    const [mine, other] = await Promise.all([createProgram(), createProgram()]);
    const network = await createNetwork();
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: mine.id }] });
    const input = { number: 3, name: "Tercera", status: "PLANNED" as const, networkIds: [network.id] };
    await expect(saveGeneration({ actor: coordinator, programId: other.id, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { generationId } = await saveGeneration({ actor: coordinator, programId: mine.id, input });
    await expect(saveGeneration({ actor: coordinator, programId: mine.id, input })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "number" },
    });
    await expect(
      saveGeneration({
        actor: coordinator,
        programId: mine.id,
        input: { ...input, number: 4, startDate: "2021-05-01", endDate: "2021-01-01" },
      }),
    ).rejects.toMatchObject({ details: { field: "endDate" } });

    expect((await getGenerationSummary({ actor: coordinator, generationId })).networks).toBe(0);
    await setGenerationActive({ actor: coordinator, generationId, active: false });
    await expect(getGenerationSummary({ actor: coordinator, generationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
