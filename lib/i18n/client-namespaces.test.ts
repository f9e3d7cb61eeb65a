import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import es from "./messages/es-MX.json";
import { CLIENT_NAMESPACES } from "./client-namespaces";

const root = path.resolve(import.meta.dirname, "..", "..");

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** A client file and the modules it imports from components/, lib/ or beside it: where its translation keys can come from. */
function withImports(file: string) {
  const source = fs.readFileSync(file, "utf8");
  const modules = [...source.matchAll(/from "(@\/(?:components|lib)\/[^"]+|\.{1,2}\/[^"]+)"/g)].map(([, module]) =>
    module!.startsWith("@/") ? path.join(root, module!.slice(2)) : path.resolve(path.dirname(file), module!),
  );
  const imported = modules.flatMap((module) =>
    [".ts", ".tsx"].map((ext) => `${module}${ext}`).filter((candidate) => fs.existsSync(candidate)),
  );
  return [source, ...imported.map((module) => fs.readFileSync(module, "utf8"))].join("\n");
}

describe("the catalog namespaces sent to the browser", () => {
  it("include every namespace a client component translates with", () => {
    const namespaces = new Set(Object.keys(es));
    const clientFiles = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components"))].filter((file) =>
      fs.readFileSync(file, "utf8").startsWith('"use client"'),
    );
    expect(clientFiles.length).toBeGreaterThan(20);
    const used = new Set<string>();
    for (const file of clientFiles) {
      const source = withImports(file);
      for (const [, namespace] of source.matchAll(/useTranslations\("([a-zA-Z]+)/g)) used.add(namespace!);
      for (const [, namespace] of source.matchAll(/["`]([a-zA-Z]+)\.[a-zA-Z$]/g)) if (namespaces.has(namespace!)) used.add(namespace!);
      // A namespace handed over as a plain string, e.g. optionsOf(MexicanState, "states", t).
      for (const [, namespace] of source.matchAll(/"([a-zA-Z]+)"/g)) if (namespaces.has(namespace!)) used.add(namespace!);
    }
    expect([...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });
});
