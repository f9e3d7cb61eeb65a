import { describe, expect, it } from "vitest";
import { compareOrganizationNames } from "./compare-organization-names";
import { comparePersonNames } from "./compare-person-names";
import { isTypo, typoCost } from "./compare-words";
import { judgeOrganizationPair, type OrganizationPairEvidence } from "./judge-organization-pair";
import { judgePersonPair, type PersonPairEvidence } from "./judge-person-pair";
import { highGroups, settlePairs } from "./settle-pairs";

// Word lists as the database's person_name_words / organization_name_words give them.
const w = (text: string) => text.split(" ");

const person = (first: string, second: string, evidence: Partial<PersonPairEvidence> = {}): PersonPairEvidence => ({
  firstWords: w(first),
  secondWords: w(second),
  firstSuffix: null,
  secondSuffix: null,
  sameEmail: false,
  emailShared: false,
  samePhone: false,
  phoneShared: false,
  differentEmail: false,
  sharedOrganization: false,
  sharedNetwork: false,
  genderConflict: false,
  ...evidence,
});

describe("comparing names", () => {
  it("tells slips of the pen from other names", () => {
    expect(isTypo("hernandez", "hernandes")).toBe(true);
    expect(isTypo("velazquez", "velasquez")).toBe(true);
    expect(isTypo("castro", "casrto")).toBe(true);
    expect(isTypo("moreno", "morenz")).toBe(true);
    expect(isTypo("mario", "marco")).toBe(false);
    expect(isTypo("raul", "saul")).toBe(false);
    expect(isTypo("avance0", "avance1")).toBe(false);
    expect(typoCost("gonzalez", "gonzales")).toBe(0.5);
  });

  it("relates people's names by their words: order, missing second surname, initials, nicknames of several names", () => {
    expect(comparePersonNames(w("ana lopez perez"), w("ana perez lopez")).kind).toBe("same");
    expect(comparePersonNames(w("ana lopez perez"), w("ana lopez"))).toMatchObject({ kind: "partial", missing: 1, missingTrailing: true });
    expect(comparePersonNames(w("maria fernanda lopez"), w("fernanda lopez"))).toMatchObject({ kind: "partial", missingTrailing: false });
    expect(comparePersonNames(w("j luis perez"), w("jose luis perez")).kind).toBe("variant");
    expect(comparePersonNames(w("beto ruiz soto"), w("roberto ruiz soto")).kind).toBe("variant");
    expect(comparePersonNames(w("ana lopez perez"), w("luis lopez perez")).kind).toBe("different");
    expect(comparePersonNames(w("mario ruiz soto"), w("maria ruiz soto")).kind).toBe("different");
    expect(comparePersonNames(w("daniel ruiz"), w("daniela ruiz")).kind).toBe("different");
    expect(comparePersonNames(w("ana lopez perez"), w("ana lopez nunez")).kind).toBe("different");
    expect(comparePersonNames(w("ana"), w("ana lopez")).kind).toBe("different");
  });

  it("relates organizations' names: a dropped type word or place is the same, two types or two places are two", () => {
    expect(compareOrganizationNames(w("fundacion arte barrio tijuana"), w("arte barrio tijuana"))).toBe("dropped");
    expect(compareOrganizationNames(w("instituto tierra fertil juarez"), w("instituto tierra fertil"))).toBe("dropped");
    expect(compareOrganizationNames(w("instituto tierra fertil"), w("tierra fertil juarez"))).toBe("dropped");
    expect(compareOrganizationNames(w("fundacion semillas hermosillo"), w("colectivo semillas hermosillo"))).toBe("different");
    expect(compareOrganizationNames(w("centro derechos humanos hermosillo"), w("centro derechos humanos nogales"))).toBe("different");
    expect(compareOrganizationNames(w("centro derechos humanos"), w("centro derechos humanos paso norte"))).toBe("different");
    expect(compareOrganizationNames(w("fundacion comunitaria sonora"), w("fundacion comunitaria sonora"))).toBe("same");
  });
});

describe("judging two person records", () => {
  it("links the same name with anything else in common, and a name alone only as medium", () => {
    expect(judgePersonPair(person("ana lopez perez", "ana perez lopez", { samePhone: true }))?.confidence).toBe("high");
    expect(judgePersonPair(person("ana lopez perez", "ana lopez perez", { sharedNetwork: true }))?.confidence).toBe("high");
    expect(judgePersonPair(person("ana lopez perez", "ana lopez perez"))?.confidence).toBe("medium");
    // Two words are shared by too many people for the network alone.
    expect(judgePersonPair(person("maria martinez", "maria martinez", { sharedNetwork: true }))?.confidence).toBe("medium");
  });

  it("keeps the hard negatives apart whatever contact they share", () => {
    // Siblings on the family landline, in the same organization.
    expect(judgePersonPair(person("ana lopez perez", "luis lopez perez", { samePhone: true, sharedOrganization: true }))).toMatchObject({
      confidence: "low",
      reasons: ["differentName", "samePhone", "sharedOrganization"],
    });
    // Colleagues who register with the organization's inbox.
    expect(
      judgePersonPair(person("rosa diaz soto", "rosa diaz nunez", { sameEmail: true, emailShared: true, sharedOrganization: true }))
        ?.confidence,
    ).toBe("low");
    // A father and his son "Jr.".
    expect(judgePersonPair(person("juan perez lopez", "juan perez lopez", { secondSuffix: "jr", samePhone: true }))).toMatchObject({
      confidence: "low",
      reasons: ["generationalSuffix", "samePhone"],
    });
    // Same name, different gender.
    expect(judgePersonPair(person("guadalupe ruiz soto", "guadalupe ruiz soto", { genderConflict: true }))).toBeNull();
    // A namesake in another state with nothing else in common.
    expect(judgePersonPair(person("jose hernandez garcia", "jose hernandez garcia"))?.confidence).toBe("medium");
  });

  it("needs more than the organization for a shortened name given with another personal email", () => {
    expect(judgePersonPair(person("ana chavez", "ana chavez vazquez", { sharedOrganization: true }))?.confidence).toBe("high");
    expect(
      judgePersonPair(person("ana chavez", "ana chavez vazquez", { sharedOrganization: true, differentEmail: true }))?.confidence,
    ).toBe("medium");
    expect(judgePersonPair(person("ana chavez", "ana chavez vazquez", { sameEmail: true }))?.confidence).toBe("high");
  });
});

describe("judging two organization records", () => {
  const organization = (first: string, second: string, evidence: Partial<OrganizationPairEvidence> = {}): OrganizationPairEvidence => ({
    firstWords: w(first),
    secondWords: w(second),
    sameState: false,
    differentState: false,
    sharedNetwork: false,
    sameRfc: false,
    differentRfc: false,
    sameWebsite: false,
    sharedPerson: false,
    ...evidence,
  });
  it("is high nearby, medium elsewhere, and never with two RFCs", () => {
    expect(
      judgeOrganizationPair(organization("semillas hermosillo", "fundacion semillas hermosillo", { sameState: true }))?.confidence,
    ).toBe("high");
    expect(judgeOrganizationPair(organization("fundacion semillas", "fundacion semillas", { differentState: true }))?.confidence).toBe(
      "medium",
    );
    expect(
      judgeOrganizationPair(organization("fundacion semillas", "fundacion semillas", { sameState: true, differentRfc: true })),
    ).toBeNull();
    expect(judgeOrganizationPair(organization("casa alas", "red raices", { sameRfc: true }))?.confidence).toBe("high");
  });
});

describe("settling pairs into records", () => {
  const pair = (a: string, b: string, confidence: "high" | "medium", strength = 0) => ({ firstKey: a, secondKey: b, confidence, strength });
  it("keeps the stronger of two pairs that cannot both be right, and demotes a tie", () => {
    const settled = settlePairs([pair("short", "perez", "high", 4), pair("short", "nunez", "high", 2)]);
    expect(settled.map((p) => p.confidence)).toEqual(["high", "medium"]);
    expect(settlePairs([pair("short", "perez", "high", 2), pair("short", "nunez", "high", 2)]).map((p) => p.confidence)).toEqual([
      "medium",
      "medium",
    ]);
  });

  it("never makes two stored records one through a chain of look-alikes", () => {
    const groups = highGroups(
      [pair("p1", "row:1", "high", 4), pair("row:1", "row:2", "high", 1), pair("row:2", "p2", "high", 2)],
      (key) => !key.startsWith("row:"),
    );
    expect(groups).toEqual([
      ["p1", "row:1"],
      ["p2", "row:2"],
    ]);
  });
});
