import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findDuplicatePairs } from "@/lib/dedupe/find-duplicates";
import { mergeOrganizations } from "@/lib/dedupe/merge-organizations";
import { attendanceMatrixDataset, peopleDataset } from "@/lib/exports/datasets";
import { setNetworkActive, updateNetwork } from "@/lib/networks/save-network";
import { getNetwork } from "@/lib/networks/find-networks";
import { getOrganization } from "@/lib/organizations/get-organization";
import {
  createOrganization as createOrganizationAs,
  setOrganizationActive,
  updateOrganization,
} from "@/lib/organizations/save-organization";
import {
  createGeneration,
  createNetwork,
  createOrganization,
  createPerson,
  createProgram,
  enroll,
  signedInActor,
} from "@/tests/support/factories";

// The shared registry: every program reads organizations and networks, only the programs they take part
// in change them. Before, another program's coordinator could rename or deactivate them (the matrix found it).
describe("changing the shared registry", () => {
  async function world() {
    const [network, program, otherProgram] = await Promise.all([createNetwork(), createProgram(), createProgram()]);
    const generation = await createGeneration({ programId: program.id, networkIds: [network.id] });
    const organization = await createOrganization({ networkIds: [network.id], state: "CHH" });
    const twin = await createOrganization({ networkIds: [network.id], state: "CHH", name: `${organization.name} A.C.` });
    const person = await createPerson({ organizationId: organization.id });
    await enroll(person.id, generation.id, network.id, organization.id);
    const own = await signedInActor({ grants: [{ role: "COORDINATOR", programId: program.id }] });
    const other = await signedInActor({ grants: [{ role: "COORDINATOR", programId: otherProgram.id }] });
    return { network, generation, organization, twin, own, other };
  }
  const t = (key: string) => key;

  it("lets another program read an organization and a network, but not change, deactivate or merge them", async () => {
    const { network, organization, twin, own, other } = await world();
    expect((await getOrganization({ actor: other, organizationId: organization.id })).canChange).toBe(false);
    expect((await getNetwork({ actor: other, networkId: network.id })).canChange).toBe(false);
    const input = { name: "Renombrada por otro programa", type: "CIVIL_SOCIETY" as const, state: "CHH" as const };
    await expect(updateOrganization({ actor: other, organizationId: organization.id, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setOrganizationActive({ actor: other, organizationId: organization.id, active: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      updateNetwork({
        actor: other,
        networkId: network.id,
        input: { name: "Otra", states: ["CHH"], shortName: undefined, convenerOrganizationId: undefined },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(setNetworkActive({ actor: other, networkId: network.id, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mergeOrganizations({ actor: other, survivorId: organization.id, mergedId: twin.id, choices: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Nor add an organization to that network.
    await expect(
      createOrganizationAs({ actor: other, input: { name: "Colectivo ajeno", type: "COLLECTIVE", state: "CHH" }, networkId: network.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", details: { field: "networkId" } });
    expect(await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      name: organization.name,
      deactivatedAt: null,
    });
    expect(await db.network.findUniqueOrThrow({ where: { id: network.id } })).toMatchObject({ deactivatedAt: null });

    // Its own program does all of it.
    expect((await getOrganization({ actor: own, organizationId: organization.id })).canChange).toBe(true);
    await updateOrganization({ actor: own, organizationId: organization.id, input: { ...input, name: "Renombrada" } });
    await setNetworkActive({ actor: own, networkId: network.id, active: true });
  });

  it("lets any program change an organization or network no program uses yet", async () => {
    const { other } = await world();
    const loneNetwork = await createNetwork();
    const lone = await createOrganization({ networkIds: [loneNetwork.id] });
    expect((await getOrganization({ actor: other, organizationId: lone.id })).canChange).toBe(true);
    await updateOrganization({ actor: other, organizationId: lone.id, input: { name: "Recién llegada", type: "OTHER", state: "SON" } });
    await updateNetwork({
      actor: other,
      networkId: loneNetwork.id,
      input: { name: "Red nueva", states: ["SON"], shortName: undefined, convenerOrganizationId: undefined },
    });
  });

  it("answers another program's generation in exports and duplicates as not found, not as an empty list", async () => {
    const { generation, other, own } = await world();
    await expect(peopleDataset(other, { generationId: generation.id }, t)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attendanceMatrixDataset(other, { generationId: generation.id }, t)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findDuplicatePairs({ actor: other, kind: "organizations", generationId: generation.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await (await peopleDataset(own, { generationId: generation.id }, t)).total()).toBe(1);
    expect(await findDuplicatePairs({ actor: own, kind: "organizations", generationId: generation.id })).toEqual(expect.any(Array));
  });
});
