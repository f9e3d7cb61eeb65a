import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// "Only one way to write an action": every server action is built by one of the action client's layers
// (lib/actions/guarded-action.ts), and none reads the raw form itself.
const LAYERS = ["publicFormAction", "publicAction", "signedInCall", "guardedAction"];

function serverActionFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) return [];
    return /^["']use server["']/.test(fs.readFileSync(full, "utf8").trimStart()) ? [full] : [];
  });
}

describe("the action client", () => {
  const files = serverActionFiles(path.resolve(import.meta.dirname, "..", "..", "app"));

  it("builds every exported server action", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    const exported: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/^export (async )?function/m);
      for (const match of source.matchAll(/^export const (\w+) = (\w+)\(/gm)) {
        exported.push(match[1]!);
        expect(LAYERS, `${path.basename(path.dirname(file))}/${match[1]}`).toContain(match[2]);
      }
      // Anything else exported from a "use server" file (types aside) would be callable without the client.
      expect(source.match(/^export (?!type )/gm)?.length ?? 0, file).toBe([...source.matchAll(/^export const (\w+) = (\w+)\(/gm)].length);
    }
    expect(exported.length).toBeGreaterThanOrEqual(45);
  });

  it("leaves reading the form to the schemas", () => {
    for (const file of files) expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/formData\.(get|getAll|entries)\(|raw\[|raw\.\w/);
  });
});
