/**
 * The import part of `npm run bench`: a 10,000-row participants file into the
 * national program of scripts/bench/national-seed.ts (100,000 people already
 * there): 8,000 new people, 1,500 already registered (same email), 500 rows
 * repeating an earlier row. Upload (read and store), preview (validate and
 * match every row against the registry and the file) and commit, timed apart.
 */
import { NATIONAL } from "./national-seed";

export async function benchImportScale(results: string[]) {
  const { db } = await import("@/lib/db");
  const { findActorBySessionId, createAuthSession } = await import("@/lib/auth/sessions");
  const { uploadParticipantImport } = await import("@/lib/imports/upload-participant-import");
  const { previewParticipantImport } = await import("@/lib/imports/preview-participant-import");
  const { commitParticipantImport } = await import("@/lib/imports/commit-participant-import");
  const user = await db.user.create({
    data: { email: "importa@national.test", name: "Importa", grants: { create: { role: "COORDINATOR", programId: NATIONAL.programId } } },
  });
  const actor = (await findActorBySessionId(await createAuthSession(user.id)))!;

  // Existing people are written as the registry has them (same email and name): they must be recognized, not created.
  const existing = new Map(
    (
      await db.person.findMany({
        where: { id: { in: Array.from({ length: 1_500 }, (_, index) => `nat-p${index * 61}`) } },
        select: { id: true, givenNames: true, firstSurname: true, secondSurname: true, email: true },
      })
    ).map((person) => [person.id, person]),
  );
  const lines = ["Nombre(s);Apellido paterno;Apellido materno;Correo electrónico;Teléfono;Organización;Estado;Red"];
  for (let index = 0; index < 10_000; index++) {
    const network = `Red ${String(index % NATIONAL.networks).padStart(3, "0")}`;
    const organization = `Organización ${index % NATIONAL.networks}`;
    if (index < 8_000)
      lines.push(
        `Nueva${index};Importada;Prueba;nueva${index}@import.test;+52 662 ${String(1_000_000 + index).slice(-7)};${organization};Sonora;${network}`,
      );
    else if (index < 9_500) {
      const person = (index - 8_000) * 61;
      const { givenNames, firstSurname, secondSurname, email } = existing.get(`nat-p${person}`)!;
      lines.push(
        `${givenNames};${firstSurname};${secondSurname ?? ""};${email};;Organización ${person % NATIONAL.networks};Sonora;Red ${String(person % NATIONAL.networks).padStart(3, "0")}`,
      );
    } else lines.push(`Nueva${index - 9_500};Importada;Prueba;nueva${index - 9_500}@import.test;;${organization};Sonora;${network}`);
  }
  const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
  const peopleBefore = await db.person.count();

  const t0 = performance.now();
  const { importId } = await uploadParticipantImport({ actor, generationId: NATIONAL.generationId, file: { name: "nacional.csv", bytes } });
  const t1 = performance.now();
  const preview = await previewParticipantImport({ actor, importId });
  const t2 = performance.now();
  const counts = await commitParticipantImport({ actor, importId, decisions: "suggested" });
  const t3 = performance.now();
  const created = (await db.person.count()) - peopleBefore;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  results.push(
    `Import of 10,000 rows (${(bytes.byteLength / 1e6).toFixed(1)} MB CSV) over ${peopleBefore.toLocaleString("en")} people: upload ${ms(t1 - t0)}, preview ${ms(t2 - t1)} (new ${preview.counts.new}, existing ${preview.counts.existing}, repeated ${preview.counts.repeated}, possible ${preview.counts.possible}, invalid ${preview.counts.invalid}), commit ${ms(t3 - t2)} (created ${counts.created}, linked ${counts.linked}); preview + commit ${ms(t3 - t1)}; people added ${created}`,
  );
}
