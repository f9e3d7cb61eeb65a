import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import es from "@/lib/i18n/messages/es-MX.json";
import { routeApi } from "@/scripts/matching/evaluate-matching";
import { createGeneration, createNetwork, createOrganization, signedInActor } from "@/tests/support/factories";

// Only the request seams are replaced: calls carry a bearer token (no cookie session); the database is real.
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "es-MX", messages: es, namespace: namespace as never }),
}));

const HEADER = "Nombre completo,Correo,Teléfono,Organización,Red";
const csv = (rows: string[], name: string) => {
  const form = new FormData();
  form.set("file", new File([[HEADER, ...rows].join("\r\n")], name, { type: "text/csv" }));
  return form;
};

let generation: { id: string; programId: string };
let sonora: { id: string };
let tokens: Record<"coordinator" | "liaison" | "funder" | "outsider", string>;

beforeAll(async () => {
  sonora = await createNetwork("Red Comunitaria Sonora");
  const impulso = await createNetwork("Red Impulso");
  await db.network.update({ where: { id: sonora.id }, data: { states: ["SON"] } });
  await db.network.update({ where: { id: impulso.id }, data: { states: ["CHH"] } });
  generation = await createGeneration({ networkIds: [sonora.id, impulso.id] });
  await createOrganization({ networkIds: [sonora.id], state: "SON", name: "Fundación Esperanza de Hermosillo, A.C." });
  const other = await createGeneration({ networkIds: [impulso.id] });
  const actors = {
    coordinator: await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] }),
    liaison: await signedInActor({ grants: [{ role: "LIAISON", networkId: sonora.id }] }),
    funder: await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] }),
    outsider: await signedInActor({ grants: [{ role: "COORDINATOR", programId: other.programId }] }),
  };
  tokens = Object.fromEntries(
    await Promise.all(Object.entries(actors).map(async ([role, actor]) => [role, await createApiToken({ actor, name: role })])),
  ) as typeof tokens;
});

describe("imports and duplicates through the API", () => {
  it("uploads, shows suggestions, commits them, and answers with every row's person and organization", async () => {
    const api = routeApi(tokens.coordinator);
    const upload = await api(
      "POST",
      `/api/v1/generations/${generation.id}/imports`,
      csv(
        [
          "Ana Lucía Romero Soto,ana.romero@gmail.com,662 111 2233,Fundación Esperanza de Hermosillo,Red Comunitaria Sonora",
          "ANA LUCIA ROMERO,ANAROMERO@GMAIL.COM,,FUND. ESPERANZA DE HERMOSILLO A.C.,Red Comunitaria Sonora",
          "Luis Romero Soto,contacto@esperanza.org.mx,662 111 2233,Esperanza de Hermosillo,Red Comunitaria Sonora",
          "Pedro Páramo,pedro@ejemplo.org,,Colectivo Nuevo,Red Impulso",
        ],
        "registro.csv",
      ),
    );
    expect(upload.status).toBe(201);
    const { id } = upload.json as { id: string };
    expect(upload.json).toMatchObject({ status: "DRAFT", rowCount: 4, counts: { rows: 4, invalid: 0 } });
    expect((upload.json as { columns: Array<{ field: string | null }> }).columns.map((column) => column.field)).toEqual([
      "fullName",
      "email",
      "phone",
      "organization",
      "network",
    ]);
    const preview = (await api("GET", `/api/v1/imports/${id}`)).json as { rows: Array<Record<string, unknown>> };
    // The same person twice (capitals, Gmail without dot, no second surname); her brother on the family phone is someone else.
    expect(preview.rows.map((row) => [row.row, row.outcome, row.suggested ?? row.sameAsRow])).toEqual([
      [2, "new", "new"],
      [3, "repeat", 2],
      [4, "new", "new"],
      [5, "new", "new"],
    ]);
    // A new organization without a state gets its network's state, visibly.
    expect(preview.rows[3]).toMatchObject({ suggestedState: "CHH" });

    const commit = await api("POST", `/api/v1/imports/${id}/commit`, { decisions: "suggested" });
    expect(commit.status).toBe(200);
    const rows = (commit.json as { rows: Array<{ row: number; personId: string; organizationId: string; result: string }> }).rows;
    expect(rows.map((row) => row.result)).toEqual(["created", "linked", "created", "created"]);
    expect(rows[1]!.personId).toBe(rows[0]!.personId);
    expect(rows[2]!.personId).not.toBe(rows[0]!.personId);
    expect(new Set(rows.slice(0, 3).map((row) => row.organizationId)).size).toBe(1);
    // Committing again changes nothing and answers the same.
    expect((await api("POST", `/api/v1/imports/${id}/commit`, { decisions: "suggested" })).json).toMatchObject({ rows });
    const summary = (await api("GET", `/api/v1/generations/${generation.id}/summary`)).json as { enrolled: number };
    expect(summary.enrolled).toBe(3);
  });

  it("merges the high-confidence pairs as one batch and undoes it as a whole", async () => {
    const api = routeApi(tokens.coordinator);
    const [first, second] = await Promise.all(
      ["Guadalupe Ochoa Ruiz", "Lupita Ochoa"].map((name, index) =>
        db.person.create({
          data: {
            givenNames: name.split(" ")[0]!,
            firstSurname: name.split(" ")[1]!,
            secondSurname: name.split(" ")[2] ?? null,
            phone: index ? "+52 1 662 987 6543" : "(662) 987-65-43",
          },
          select: { id: true },
        }),
      ),
    );
    const { pairs } = (await api("GET", "/api/v1/duplicates?kind=people")).json as {
      pairs: Array<{ firstId: string; secondId: string; confidence: string; reasons: string[] }>;
    };
    expect(pairs.find((pair) => [pair.firstId, pair.secondId].sort().join() === [first!.id, second!.id].sort().join())).toMatchObject({
      confidence: "high",
      reasons: ["missingSecondSurname", "samePhone"],
    });
    const people = await db.person.count();
    const merge = await api("POST", "/api/v1/duplicates/merge-high?kind=people");
    const { batchId, merged } = merge.json as { batchId: string; merged: Array<{ keptId: string; mergedId: string }> };
    expect(merged).toContainEqual({ keptId: first!.id, mergedId: second!.id });
    expect(await db.person.count()).toBe(people - merged.length);
    const undo = await api("POST", `/api/v1/merge-batches/${batchId}/undo`);
    expect(undo).toMatchObject({ status: 200, json: { undone: merged.length } });
    expect(await db.person.count()).toBe(people);
    expect((await api("POST", `/api/v1/merge-batches/${batchId}/undo`)).status).toBe(409);
  });

  it("lets a liaison import only through their network, and refuses funders, other programs and the anonymous", async () => {
    const liaison = routeApi(tokens.liaison);
    const upload = await liaison(
      "POST",
      `/api/v1/generations/${generation.id}/imports`,
      csv(["Rosa Díaz Soto,,,Colectivo Nuevo,Red Comunitaria Sonora", "Eva Luna,,,Colectivo Nuevo,Red Impulso"], "enlace.csv"),
    );
    expect(upload.status).toBe(201);
    const preview = (await liaison("GET", `/api/v1/imports/${(upload.json as { id: string }).id}`)).json as {
      rows: Array<{ outcome: string }>;
    };
    expect(preview.rows.map((row) => row.outcome)).toEqual(["new", "error"]);
    expect((await liaison("GET", "/api/v1/duplicates?kind=people")).status).toBe(403);
    expect((await liaison("POST", "/api/v1/duplicates/merge-high?kind=people")).status).toBe(403);

    const importId = (upload.json as { id: string }).id;
    for (const token of [tokens.funder, tokens.outsider]) {
      const api = routeApi(token);
      expect(
        (await api("POST", `/api/v1/generations/${generation.id}/imports`, csv(["Uno Dos,,,Org,Red Comunitaria Sonora"], "x.csv"))).status,
      ).toBe(404);
      expect((await api("GET", `/api/v1/imports/${importId}`)).status).toBe(404);
      expect((await api("POST", `/api/v1/imports/${importId}/commit`, { decisions: "suggested" })).status).toBe(404);
    }
    expect((await routeApi(tokens.funder)("GET", "/api/v1/duplicates?kind=people")).status).toBe(403);
    expect((await routeApi("tej_not-a-token")("GET", `/api/v1/imports/${importId}`)).status).toBe(401);
    expect((await routeApi(tokens.coordinator)("GET", "/api/v1/duplicates?kind=cats")).status).toBe(400);
    expect((await routeApi(tokens.coordinator)("POST", `/api/v1/imports/${importId}/commit`, { decisions: { "2": 7 } })).status).toBe(400);
  });
});
