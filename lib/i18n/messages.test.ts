import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import es from "./messages/es-MX.json";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("Spanish and English have exactly the same keys", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(es).sort());
  });

  it("no message is left empty", () => {
    for (const catalog of [es, en]) {
      for (const key of keysOf(catalog)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        expect(String(value).trim(), key).not.toBe("");
      }
    }
  });

  it("formats totals with plurals in both languages", () => {
    const tEs = createTranslator({ locale: "es-MX", messages: es, namespace: "totals" });
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "totals" });
    expect(tEs("headline", { people: 132, organizations: 93 })).toBe("132 personas de 93 organizaciones");
    expect(tEn("headline", { people: 132, organizations: 93 })).toBe("132 people from 93 organizations");
    expect(tEs("headline", { people: 1, organizations: 1 })).toBe("1 persona de 1 organización");
    expect(tEn("headline", { people: 1, organizations: 1 })).toBe("1 person from 1 organization");
  });

  it("formats large numbers through the locale", () => {
    const tEs = createTranslator({ locale: "es-MX", messages: es, namespace: "totals" });
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "totals" });
    expect(tEs("headline", { people: 12500, organizations: 2 })).toBe("12,500 personas de 2 organizaciones");
    expect(tEn("headline", { people: 12500, organizations: 2 })).toBe("12,500 people from 2 organizations");
  });

  it("speaks to the user as «tú» everywhere in Spanish, never «usted»", () => {
    // Formal forms that once slipped in (the duplicates pages): «usted» and formal imperatives such as «elija».
    const formal = /\b(usted|ustedes|elija|seleccione|ingrese|haga clic|utilice)\b/i;
    for (const key of keysOf(es)) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], es);
      expect(String(value), key).not.toMatch(formal);
    }
  });
});
