import { describe, expect, it } from "vitest";
import { normalizeText, organizationNameKey, personNameKey } from "./normalize";

describe("normalizeText", () => {
  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(normalizeText("  JOSÉ   María  Ñúñez-Güereca ")).toBe("jose maria nunez guereca");
  });
});

describe("personNameKey", () => {
  it("matches the same person written with accents, case, spaces or swapped surnames", () => {
    const key = personNameKey({ givenNames: "María José", firstSurname: "Pérez", secondSurname: "López" });
    expect(personNameKey({ givenNames: "maria jose", firstSurname: "LOPEZ", secondSurname: " perez " })).toBe(key);
    expect(personNameKey({ givenNames: "María  José", firstSurname: "Pérez López" })).toBe(key);
  });

  it("keeps different people apart", () => {
    expect(personNameKey({ givenNames: "María", firstSurname: "Pérez" })).not.toBe(
      personNameKey({ givenNames: "Mario", firstSurname: "Pérez" }),
    );
  });
});

describe("organizationNameKey", () => {
  it("ignores legal suffixes such as A.C., S.C. and I.A.P.", () => {
    const key = organizationNameKey("Fundación Comunitaria del Desierto");
    expect(organizationNameKey("Fundación Comunitaria del Desierto, A.C.")).toBe(key);
    expect(organizationNameKey("FUNDACION COMUNITARIA DEL DESIERTO AC")).toBe(key);
    expect(organizationNameKey("Fundación Comunitaria del Desierto S.C.")).toBe(key);
    expect(organizationNameKey("Fundación Comunitaria del Desierto, I.A.P.")).toBe(key);
  });

  it("does not strip letters that are part of the name", () => {
    expect(organizationNameKey("Casa Sac")).toBe("casa sac");
    expect(organizationNameKey("Red Vac")).toBe("red vac");
  });
});
