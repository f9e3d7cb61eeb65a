import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";
import { guessMapping } from "./guess-mapping";
import { formatPhone, parseAgeRange, parseDay, parseGender, parseState } from "./normalize-values";

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    const utf8 = new TextEncoder().encode("Nombre(s);Organización\nMaría;Fundación Ñuu");
    expect(decodeText(utf8)).toEqual({ text: "Nombre(s);Organización\nMaría;Fundación Ñuu", encoding: "utf-8" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(withBom).text.startsWith("Nombre(s)")).toBe(true);
  });

  it("falls back to Windows-1252, as Spanish Excel saves CSV", () => {
    // "Peña;José" in Windows-1252: ñ = 0xF1, é = 0xE9.
    const bytes = new Uint8Array([0x50, 0x65, 0xf1, 0x61, 0x3b, 0x4a, 0x6f, 0x73, 0xe9]);
    expect(decodeText(bytes)).toEqual({ text: "Peña;José", encoding: "windows-1252" });
  });
});

describe("guessMapping", () => {
  it("maps a Google Forms export in Spanish, ignoring the timestamp", () => {
    const headers = [
      "Marca temporal",
      "Nombre(s)",
      "Apellido paterno",
      "Apellido materno",
      "Correo electrónico",
      "Teléfono celular",
      "Organización",
      "Estado",
      "Red",
    ];
    expect(guessMapping(headers)).toEqual({
      0: null,
      1: "givenNames",
      2: "firstSurname",
      3: "secondSurname",
      4: "email",
      5: "phone",
      6: "organization",
      7: "organizationState",
      8: "network",
    });
  });

  it("maps English headers and phrases inside longer titles, one column per field", () => {
    expect(
      guessMapping([
        "First name",
        "Last name",
        "E-mail address",
        "Organization name",
        "Gender",
        "Age",
        "Network",
        "Comments",
        "Email (work)",
      ]),
    ).toEqual({
      0: "givenNames",
      1: "firstSurname",
      2: "email",
      3: "organization",
      4: "gender",
      5: "ageRange",
      6: "network",
      7: null,
      8: null,
    });
  });
});

describe("value normalization", () => {
  it("reads the day someone joined as Mexican sheets write it, day first, and refuses days that do not exist", () => {
    expect(["2020-05-14", "14/05/2020", "14-5-20", "14.05.2020", "2020-05-14T00:00:00"].map(parseDay)).toEqual(Array(5).fill("2020-05-14"));
    expect(["31/02/2020", "05/14/2020", "mayo", "", "2020-13-01"].map(parseDay)).toEqual(Array(5).fill(null));
    expect(guessMapping(["Nombre", "Fecha de ingreso"])).toEqual({ 0: "givenNames", 1: "joinedOn" });
  });

  it("writes Mexican phones readably from their last ten digits", () => {
    for (const written of ["(662) 123-45-67", "662.123.4567"]) expect(formatPhone(written)).toBe("662 123 4567");
    for (const written of ["521 662 1234567", "+52 1 662 123 4567"]) expect(formatPhone(written)).toBe("+52 662 123 4567");
    expect(formatPhone("123 456")).toBeNull();
    expect(formatPhone("+526621234567")).toBe("+52 662 123 4567");
    expect(formatPhone("662 123 45 67")).toBe("662 123 4567");
  });

  it("reads genders, ages and states as forms write them", () => {
    expect(["Mujer", "FEMENINO", "f", "Woman"].map(parseGender)).toEqual(["WOMAN", "WOMAN", "WOMAN", "WOMAN"]);
    expect(parseGender("No binario")).toBe("NON_BINARY");
    expect(parseGender("otro")).toBeNull();
    expect(["17", "34 años", "30 a 44", "60 o más", "45-59"].map(parseAgeRange)).toEqual([
      "UNDER_18",
      "AGE_30_44",
      "AGE_30_44",
      "AGE_60_PLUS",
      "AGE_45_59",
    ]);
    expect(["Sonora", "CHIHUAHUA", "son", "CDMX", "Nuevo Leon", "Baja California"].map(parseState)).toEqual([
      "SON",
      "CHH",
      "SON",
      "CMX",
      "NLE",
      "BCN",
    ]);
    expect(parseState("Texas")).toBeNull();
  });
});
