import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NAME_VARIANTS } from "./name-variants";

// The normalizers live in PostgreSQL (migration one_matcher) and keep the generated keys; these call them directly.
async function sql<T>(query: TemplateStringsArray, ...values: unknown[]) {
  const [row] = await db.$queryRaw<Array<{ value: T }>>(query, ...values);
  return row!.value;
}
const nameWords = (value: string) => sql<string[]>`SELECT person_name_words(${value}) AS value`;
const suffix = (value: string) => sql<string | null>`SELECT person_name_suffix(${value}) AS value`;
const matchKey = (value: string) => sql<string>`SELECT sorted_words(person_name_words(${value})) AS value`;
const phone = (value: string) => sql<string | null>`SELECT phone_match_key(${value}) AS value`;
const email = (value: string) => sql<string | null>`SELECT email_match_key(${value}) AS value`;
const inbox = (value: string) => sql<boolean>`SELECT email_is_shared_inbox(${value}) AS value`;
const organizationKey = (value: string) => sql<string>`SELECT sorted_words(organization_name_words(${value})) AS value`;

describe("name normalizer", () => {
  it("ignores accents, case, punctuation, particles and surname order", async () => {
    const key = await matchKey("María José Pérez de la Garza");
    for (const written of ["MARIA JOSE PEREZ DE LA GARZA", "maría josé  garza pérez", "Pérez, María José (de la Garza)"])
      expect(await matchKey(written)).toBe(key);
    expect(await nameWords("María José Pérez de la Garza")).toEqual(["maria", "jose", "perez", "garza"]);
  });

  it("writes out abbreviations and one-name nicknames, keeps nicknames of several names as written", async () => {
    expect(await nameWords("Ma. Gpe. Hdez. Glez.")).toEqual(["maria", "guadalupe", "hernandez", "gonzalez"]);
    expect(await nameWords("Ma Fco")).toEqual(["maria", "francisco"]);
    expect(await nameWords("J. Luis")).toEqual(["j", "luis"]);
    for (const [nickname, name] of [
      ["Lupita", "guadalupe"],
      ["Lupe", "guadalupe"],
      ["Pepe", "jose"],
      ["Chuy", "jesus"],
      ["Memo", "guillermo"],
      ["Paco", "francisco"],
      ["Pancho", "francisco"],
      ["Lalo", "eduardo"],
      ["Nacho", "ignacio"],
      ["Toño", "antonio"],
      ["Chelo", "consuelo"],
      ["Conchita", "concepcion"],
      ["Lola", "dolores"],
      ["Quique", "enrique"],
    ])
      expect(await nameWords(nickname!)).toEqual([name]);
    expect(await nameWords("Beto")).toEqual(["beto"]);
  });

  it("drops titles and keeps a generational suffix apart", async () => {
    expect(await nameWords("Lic. Juan Pérez López Jr.")).toEqual(["juan", "perez", "lopez"]);
    expect(await suffix("Juan Pérez López Jr.")).toBe("jr");
    expect(await suffix("Juan Pérez hijo")).toBe("jr");
    expect(await suffix("Juan Pérez Sr.")).toBe("sr");
    expect(await suffix("Sr. Juan Pérez")).toBeNull();
    expect(await suffix("Juan Pérez López")).toBeNull();
  });

  it("hears the name as Spanish sounds it, for finding misspelt names", async () => {
    const sound = (words: string[]) => sql<string[]>`SELECT name_sound_words(${words}::text[]) AS value`;
    expect(await sound(["lopes", "velasquez", "chavez", "guillermo", "yolanda"])).toEqual(
      await sound(["lopez", "velazquez", "chabes", "guiyermo", "iolanda"]),
    );
    expect(await sound(["ana", "lopez"])).not.toEqual(await sound(["ana", "lara"]));
  });

  it("agrees with the maintained table of variants, entry by entry", async () => {
    const entries = Object.entries(NAME_VARIANTS);
    const rows = await db.$queryRaw<Array<{ variant: string; canonical: string }>>`
      SELECT v AS variant, name_variant(v) AS canonical FROM unnest(${entries.map(([variant]) => variant)}::text[]) AS v`;
    expect(Object.fromEntries(rows.map((row) => [row.variant, row.canonical]))).toEqual(NAME_VARIANTS);
  });
});

describe("contact normalizers", () => {
  it("reads Mexican phones as their ten digits", async () => {
    for (const written of [
      "+52 662 123 4567",
      "+52 1 662 123 4567",
      "521 662 1234567",
      "044 662 123 4567",
      "045 662 123 4567",
      "(662) 123-45-67",
      "662.123.4567",
      "662 123 4567 ext. 12",
    ])
      expect(await phone(written)).toBe("6621234567");
    expect(await phone("123 4567")).toBeNull();
  });

  it("compares emails by case everywhere, and by dots and +tags only where the provider ignores them", async () => {
    expect(await email(" Ana.Lopez+redes@GMAIL.com")).toBe("analopez@gmail.com");
    expect(await email("ana.lopez@googlemail.com")).toBe("analopez@gmail.com");
    expect(await email("ana.lopez+red@outlook.com")).toBe("ana.lopez@outlook.com");
    expect(await email("Ana.Lopez@Fundacion.org.mx")).toBe("ana.lopez@fundacion.org.mx");
    expect(await email("ana.lopez+red@fundacion.org.mx")).toBe("ana.lopez+red@fundacion.org.mx");
    expect(await inbox("contacto@fundacion.org.mx")).toBe(true);
    expect(await inbox("info@red.org")).toBe(true);
    expect(await inbox("ana.lopez@fundacion.org.mx")).toBe(false);
  });
});

describe("organization name normalizer", () => {
  it("ignores legal forms, abbreviations, accents, particles and word order", async () => {
    const key = await organizationKey("Fundación Comunitaria de Sonora");
    for (const written of [
      "FUNDACION COMUNITARIA DE SONORA, A.C.",
      "Fund. Comunitaria Sonora A.C.",
      "Fundación Comunitaria de Sonora, I.A.P.",
      "Fundacion Comunitaria Sonora S.C.",
      "Fundación Comunitaria de Sonora A.B.P.",
      "Sonora, Fundación Comunitaria",
    ])
      expect(await organizationKey(written)).toBe(key);
    expect(await organizationKey("Asoc. Mujeres del Desierto")).toBe(await organizationKey("Asociación Mujeres del Desierto"));
    expect(await organizationKey("Ctro. Comunitario Esperanza")).toBe(await organizationKey("Centro Comunitario Esperanza"));
    expect(await organizationKey("Col. Tierra Viva")).toBe(await organizationKey("Colectivo Tierra Viva"));
    // A legal form's letters inside a word stay.
    expect(await organizationKey("Casa Sac")).toBe("casa sac");
  });

  it("is what PostgreSQL keeps on the records", async () => {
    const organization = await db.organization.create({
      data: { name: "Fund. Esperanza de Juárez, A.C.", type: "CIVIL_SOCIETY", state: "CHH" },
      select: { matchKey: true },
    });
    expect(organization.matchKey).toBe(await organizationKey("Fundación Esperanza de Juárez"));
    const person = await db.person.create({
      data: { givenNames: "Lupita", firstSurname: "Hdez.", secondSurname: "de la Garza" },
      select: { matchKey: true, nameWords: true },
    });
    expect(person).toEqual({ matchKey: "garza guadalupe hernandez", nameWords: ["guadalupe", "hernandez", "garza"] });
  });
});
