import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyMatchBlocks } from "@/lib/matching/verify-match-blocks";
import { getGenerationSummary } from "@/lib/totals/get-generation-summary";
import { createGeneration, createNetwork, createOrganization, createPerson, signedInActor } from "@/tests/support/factories";
import { commitParticipantImport, UndecidedRowsError } from "./commit-participant-import";
import { verifyParticipationFacts } from "@/lib/totals/verify-participation-facts";
import { getImportProgress, writeInSlices } from "./import-progress";
import { describeParticipantImport } from "./describe-participant-import";
import { findParticipantImports } from "./find-participant-imports";
import { previewParticipantImport } from "./preview-participant-import";
import { saveImportMapping } from "./save-import-mapping";
import { uploadParticipantImport } from "./upload-participant-import";

const HEADER = "Marca temporal;Nombre(s);Apellido paterno;Apellido materno;Correo electrónico;Teléfono;Organización;Estado;Red";
const ROWS = [
  "2020-02-01;Rosa;Díaz;Soto;rosa@ejemplo.org;;Colectivo Nuevo;Sonora;Sonora", // 0 new person, new organization
  "2020-02-01;maria jose;PEÑA;lopez;MJ@ejemplo.org;;Fundacion del Empresariado Sonorense AC;;Red Comunitaria Sonora", // 1 same email and name
  "2020-02-01;Luis;Ruiz;Ortega;;662-111-22-33;Colectivo Nuevo;Sonora;Sonora", // 2 same phone, surnames swapped
  "2020-02-01;Pedro;Gómez;;mj@ejemplo.org;;Colectivo Nuevo;Sonora;Sonora", // 3 someone else's email, another name: a new person
  "2020-02-01;Ana;Torres;;;;Colectivo Nuevo;Sonora;Sonora", // 4 a namesake in another organization: possible
  "2020-02-01;ROSA;DIAZ;SOTO;Rosa@Ejemplo.org;;Colectivo Nuevo;Sonora;Sonora", // 5 repeats row 0
  "2020-02-01;Juan;;;no-es-correo;;Colectivo Nuevo;Sonora;Sonora", // 6 invalid: no surname, bad email
  "2020-02-01;=1+1;Prueba;;;;Colectivo Nuevo;Sonora;Sonora", // 7 formula-looking, kept as text
  "2020-02-01;Eva;Luna;;;;Colectivo Nuevo;Sonora;Red Inexistente", // 8 invalid: unknown network
];
const fileOf = (rows: string[], name = "registro-sonora.csv") => ({
  name,
  bytes: new TextEncoder().encode(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`),
});

let generation: { id: string; programId: string };
let sonora: { id: string };
let existing: { mariaJose: { id: string }; luis: { id: string }; ana: { id: string } };
let foundation: { id: string };

beforeAll(async () => {
  const [n1, n2] = await Promise.all([createNetwork("Red Comunitaria Sonora"), createNetwork("Red Impulso")]);
  sonora = n1;
  await db.network.update({ where: { id: n1.id }, data: { shortName: "Sonora" } });
  generation = await createGeneration({ networkIds: [n1.id, n2.id] });
  foundation = await createOrganization({ networkIds: [n1.id], state: "SON" });
  await db.organization.update({
    where: { id: foundation.id },
    data: { name: "Fundación del Empresariado Sonorense, A.C." },
  });
  const elsewhere = await createOrganization({ networkIds: [n2.id], state: "CHH" });
  const [mariaJose, luis, ana] = await Promise.all([createPerson(), createPerson(), createPerson()]);
  await db.person.update({
    where: { id: mariaJose.id },
    data: {
      givenNames: "María José",
      firstSurname: "Peña",
      secondSurname: "López",
      email: "mj@ejemplo.org",
    },
  });
  await db.person.update({
    where: { id: luis.id },
    data: { givenNames: "Luis", firstSurname: "Ortega", secondSurname: "Ruiz", phone: "+52 662 111 2233" },
  });
  await db.person.update({
    where: { id: ana.id },
    data: { givenNames: "Ana", firstSurname: "Torres", secondSurname: null },
  });
  await db.affiliation.create({ data: { personId: mariaJose.id, organizationId: foundation.id } });
  await db.affiliation.create({ data: { personId: ana.id, organizationId: elsewhere.id } });
  existing = { mariaJose, luis, ana };
});

describe("importing participants", () => {
  it("previews a messy file: new, existing (and why), possible with a suggestion, repeated and invalid rows", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const { importId } = await uploadParticipantImport({ actor: coordinator, generationId: generation.id, file: fileOf(ROWS) });
    const preview = await previewParticipantImport({ actor: coordinator, importId });
    expect(preview.import.mapping).toMatchObject({ 0: null, 1: "givenNames", 4: "email", 5: "phone", 6: "organization", 8: "network" });
    const [rosa, mariaJose, luis, pedro, ana, rosaAgain, juan, formula, eva] = preview.rows;
    expect(rosa!.personMatch).toEqual({ status: "new" });
    expect(rosa!.organizationMatch).toEqual({ status: "new" });
    expect(rosa!.network?.id).toBe(sonora.id);
    expect(mariaJose!.personMatch).toMatchObject({
      status: "existing",
      personId: existing.mariaJose.id,
      // Pedro's row uses her email too, so it counts as shared; her name and organization settle it.
      candidate: { name: "María José Peña López", reasons: ["sameName", "sharedEmail", "sharedOrganization"] },
    });
    expect(mariaJose!.suggested).toEqual({ action: "use", personId: existing.mariaJose.id });
    expect(mariaJose!.organizationMatch).toMatchObject({ status: "existing", organizationId: foundation.id });
    expect(luis!.personMatch).toMatchObject({
      status: "existing",
      personId: existing.luis.id,
      candidate: { reasons: ["sameName", "samePhone"] },
    });
    expect(luis!.person.phone).toBe("662 111 2233");
    // Another name with María José's email: the email does not make him her.
    expect(pedro!.personMatch).toEqual({ status: "new" });
    // A namesake in another network: possible, shown with where she is, and the suggestion is a new person.
    expect(ana!.personMatch).toMatchObject({
      status: "possible",
      candidates: [{ personId: existing.ana.id, name: "Ana Torres", confidence: "medium", reasons: ["sameName"], state: "CHH" }],
    });
    expect(ana!.suggested).toEqual({ action: "create" });
    expect(rosaAgain!.personMatch).toEqual({ status: "same-as-row", row: 0 });
    expect(rosaAgain!.organizationMatch).toEqual({ status: "same-as-row", row: 0 });
    expect(juan!.errors).toEqual([
      { field: "firstSurname", message: "validation.required" },
      { field: "email", message: "validation.email" },
    ]);
    expect(formula!.errors).toEqual([]);
    expect(eva!.errors).toEqual([{ field: "network", message: "imports.errors.unknownNetwork" }]);
    expect(preview.counts).toEqual({ rows: 9, invalid: 2, new: 3, existing: 2, possible: 1, repeated: 1 });
  });

  it("commits decided rows in one go, leaves out an email someone else has, stores formula-looking cells as text, and a second upload of the same file creates nothing", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const { importId } = await uploadParticipantImport({ actor: coordinator, generationId: generation.id, file: fileOf(ROWS) });
    await expect(commitParticipantImport({ actor: coordinator, importId })).rejects.toEqual(new UndecidedRowsError([4]));
    await expect(
      commitParticipantImport({ actor: coordinator, importId, decisions: { 4: { action: "use", personId: existing.luis.id } } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });

    const before = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    const peopleBefore = await db.person.count();
    const counts = await commitParticipantImport({
      actor: coordinator,
      importId,
      decisions: { 4: { action: "use", personId: existing.ana.id } },
    });
    // Created: Rosa, Pedro and "=1+1". Linked: María José, Luis, Ana, and Rosa's repeated row. Skipped: Juan, Eva.
    expect(counts).toMatchObject({ created: 3, linked: 4, skipped: 2, enrolled: 6 });
    // The matcher's blocks, refreshed once at the end of the commit, are what a rebuild from the records gives.
    expect(Object.values(await verifyMatchBlocks()).every(({ missing, extra }) => missing + extra === 0)).toBe(true);
    // So are the participation facts (deferred during the commit, refreshed once at its end).
    expect(await verifyParticipationFacts({ generationIds: [generation.id] })).toEqual([]);
    expect(counts.results[3]).toMatchObject({ outcome: "created", match: "new", emailLeftOut: true });
    expect(counts.results[5]).toMatchObject({ outcome: "linked", match: "repeat", personId: counts.results[0]!.personId });
    expect(await db.person.findUniqueOrThrow({ where: { id: counts.results[3]!.personId }, select: { email: true } })).toEqual({
      email: null,
    });
    expect(await db.person.count()).toBe(peopleBefore + 3);
    expect(await db.person.findFirst({ where: { givenNames: "=1+1" }, select: { firstSurname: true } })).toEqual({
      firstSurname: "Prueba",
    });
    const collective = await db.organization.findMany({ where: { matchKey: "colectivo nuevo" }, select: { state: true } });
    expect(collective).toEqual([{ state: "SON" }]);
    const after = await getGenerationSummary({ actor: coordinator, generationId: generation.id });
    expect(after.enrolled).toBe(before.enrolled + 6);
    const record = await db.participantImport.findUniqueOrThrow({ where: { id: importId } });
    expect(record).toMatchObject({ status: "COMMITTED", created: 3, linked: 4, skipped: 2, fileName: "registro-sonora.csv" });
    expect(record.committedAt).toBeInstanceOf(Date);
    expect(record.decisions).toMatchObject({
      3: { action: "create" },
      4: { action: "use", personId: existing.ana.id },
      5: { action: "follow" },
    });

    const again = await uploadParticipantImport({ actor: coordinator, generationId: generation.id, file: fileOf(ROWS) });
    expect(again).toEqual({ importId, status: "COMMITTED", reused: true });
    expect(await commitParticipantImport({ actor: coordinator, importId })).toMatchObject({ created: 3, linked: 4, skipped: 2 });
    // The same rows in another file match what the first import created: nothing new either.
    const copy = await uploadParticipantImport({
      actor: coordinator,
      generationId: generation.id,
      file: fileOf([ROWS[0]!, ROWS[1]!], "copia.csv"),
    });
    expect(await commitParticipantImport({ actor: coordinator, importId: copy.importId })).toMatchObject({
      created: 0,
      linked: 2,
      enrolled: 0,
    });
    expect(await db.person.count()).toBe(peopleBefore + 3);
  });

  it("records the day a late participant joined, from a column of the sheet, and refuses a day that does not exist", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const file = {
      name: "incorporaciones.csv",
      bytes: new TextEncoder().encode(
        [
          "Nombre(s);Apellido paterno;Organización;Estado;Red;Fecha de ingreso",
          "Irma;Valenzuela;Colectivo Tardío;Sonora;Sonora;14/05/2020",
          "Óscar;Leyva;Colectivo Tardío;Sonora;Sonora;31/02/2020",
          "Noemí;Quiñones;Colectivo Tardío;Sonora;Sonora;",
        ].join("\n"),
      ),
    };
    const { importId } = await uploadParticipantImport({ actor: coordinator, generationId: generation.id, file });
    const preview = await previewParticipantImport({ actor: coordinator, importId });
    expect(preview.import.mapping).toMatchObject({ 5: "joinedOn" });
    expect(preview.rows.map((row) => row.errors)).toEqual([[], [{ field: "joinedOn", message: "validation.date" }], []]);
    const counts = await commitParticipantImport({ actor: coordinator, importId });
    expect(counts).toMatchObject({ created: 2, skipped: 1 });
    const enrollments = await db.enrollment.findMany({
      where: { generationId: generation.id, personId: { in: [counts.results[0]!.personId!, counts.results[2]!.personId!] } },
      select: { personId: true, joinedOn: true },
    });
    expect(Object.fromEntries(enrollments.map((row) => [row.personId, row.joinedOn?.toISOString().slice(0, 10) ?? null]))).toEqual({
      [counts.results[0]!.personId!]: "2020-05-14",
      [counts.results[2]!.personId!]: null,
    });
  });

  it("writes nothing when the database fails in the middle of a commit", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    await db.$executeRaw`CREATE FUNCTION refuse_falla() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM people WHERE id = NEW."personId" AND "givenNames" = 'Falla') THEN RAISE EXCEPTION 'disk full'; END IF;
        RETURN NEW;
      END $$`;
    await db.$executeRaw`CREATE TRIGGER refuse_falla BEFORE INSERT ON enrollments FOR EACH ROW EXECUTE FUNCTION refuse_falla()`;
    try {
      const file = fileOf(
        ["2020-02-01;Nora;Vega;;;;Organización Intermedia;Sonora;Sonora", "2020-02-01;Falla;Total;;;;Otra Nueva;Sonora;Sonora"],
        "falla.csv",
      );
      const { importId } = await uploadParticipantImport({ actor: coordinator, generationId: generation.id, file });
      // The user is told the database refused the data (imports.fileErrors.rejected), never "something went wrong".
      await expect(commitParticipantImport({ actor: coordinator, importId })).rejects.toMatchObject({ problem: "rejected" });
      expect(await db.person.count({ where: { givenNames: { in: ["Nora", "Falla"] } } })).toBe(0);
      expect(await db.organization.count({ where: { name: { in: ["Organización Intermedia", "Otra Nueva"] } } })).toBe(0);
      expect(await db.participantImport.findUniqueOrThrow({ where: { id: importId }, select: { status: true } })).toEqual({
        status: "DRAFT",
      });
    } finally {
      await db.$executeRaw`DROP TRIGGER refuse_falla ON enrollments`;
    }
  });

  it("lets a liaison import only through their own network, and nobody else at all", async () => {
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: sonora.id }] });
    const { importId } = await uploadParticipantImport({
      actor: liaison,
      generationId: generation.id,
      file: fileOf(
        ["2020-02-01;Irma;Solís;;;;Colectivo Nuevo;Sonora;Red Impulso", "2020-02-01;Olga;Rey;;;;Colectivo Nuevo;Sonora;Sonora"],
        "enlace.csv",
      ),
    });
    const preview = await previewParticipantImport({ actor: liaison, importId });
    expect(preview.networks.map((network) => network.id)).toEqual([sonora.id]);
    expect(preview.rows[0]!.errors).toEqual([{ field: "network", message: "imports.errors.unknownNetwork" }]);
    expect(preview.rows[1]!.errors).toEqual([]);

    const outsider = await signedInActor({ grants: [{ role: "LIAISON", networkId: (await createNetwork()).id }] });
    const funder = await signedInActor({ grants: [{ role: "FUNDER", programId: generation.programId }] });
    for (const actor of [outsider, funder]) {
      await expect(uploadParticipantImport({ actor, generationId: generation.id, file: fileOf(ROWS, "x.csv") })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(previewParticipantImport({ actor, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(commitParticipantImport({ actor, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getImportProgress({ actor, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("never shows a liaison a coordinator's draft, which names other networks' people (list, page, API, commit, mapping, progress)", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const { importId } = await uploadParticipantImport({
      actor: coordinator,
      generationId: generation.id,
      file: fileOf(["2020-02-01;Reservada;Ajena;;ajena@otra-red.org;662 555 1212;Colectivo Nuevo;Sonora;Red Impulso"], "borrador.csv"),
    });
    const liaison = await signedInActor({ grants: [{ role: "LIAISON", networkId: sonora.id }] });
    const own = await uploadParticipantImport({
      actor: liaison,
      generationId: generation.id,
      file: fileOf(["2020-02-01;Propia;Del Enlace;;;;Colectivo Nuevo;Sonora;Sonora"], "propio.csv"),
    });
    const listed = await findParticipantImports({ actor: liaison, generationId: generation.id });
    expect(listed.imports.map((entry) => entry.id)).toEqual([own.importId]);
    await expect(previewParticipantImport({ actor: liaison, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(describeParticipantImport({ actor: liaison, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(commitParticipantImport({ actor: liaison, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveImportMapping({ actor: liaison, importId, mapping: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getImportProgress({ actor: liaison, importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The coordinator sees both.
    const all = await findParticipantImports({ actor: coordinator, generationId: generation.id });
    expect(all.imports.map((entry) => entry.id)).toEqual(expect.arrayContaining([importId, own.importId]));
  });

  it("reports a commit's progress step by step, in slices of rows, to whoever may import there", async () => {
    const coordinator = await signedInActor({ grants: [{ role: "COORDINATOR", programId: generation.programId }] });
    const rows = Array.from({ length: 5 }, (_, index) => `2020-02-01;Avance${index};Lento;;;;Colectivo Avance;Sonora;Sonora`);
    const { importId } = await uploadParticipantImport({
      actor: coordinator,
      generationId: generation.id,
      file: fileOf(rows, "avance.csv"),
    });
    expect(await getImportProgress({ actor: coordinator, importId })).toBeNull();

    // Each enrollment insert waits a little, so the commit can be watched while it writes.
    await db.$executeRaw`CREATE FUNCTION slow_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(0.15); RETURN NEW; END $$`;
    await db.$executeRaw`CREATE TRIGGER slow_enrollment BEFORE INSERT ON enrollments FOR EACH ROW EXECUTE FUNCTION slow_enrollment()`;
    try {
      const seen = new Set<string>();
      const running = commitParticipantImport({ actor: coordinator, importId });
      let finished = false;
      void running.finally(() => (finished = true));
      while (!finished) {
        const progress = await getImportProgress({ actor: coordinator, importId });
        if (progress) seen.add(`${progress.step}:${progress.done}/${progress.total}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await running).toMatchObject({ created: 5, enrolled: 5 });
      expect(seen).toContain("enrollments:0/5");
      expect(await getImportProgress({ actor: coordinator, importId })).toEqual({ step: "done", done: 0, total: 0 });
    } finally {
      await db.$executeRaw`DROP TRIGGER slow_enrollment ON enrollments`;
    }

    const slices: number[] = [];
    await writeInSlices(
      importId,
      "people",
      Array.from({ length: 5 }),
      async (slice) => {
        slices.push(slice.length);
        return { count: slice.length };
      },
      2,
    );
    expect(slices).toEqual([2, 2, 1]);
    expect(await getImportProgress({ actor: coordinator, importId })).toEqual({ step: "people", done: 5, total: 5 });
  });
});
