import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en, sv } from "~/i18n/messages";

const root = path.resolve(import.meta.dirname, "../../../..");

describe("the analysis step's progress", () => {
  it("names every phase the engine reports, and the app's own, in Swedish and English", () => {
    // the phases as the engine's sources pass them to onProgress, read here from the files
    const phases = new Set(["building"]);
    for (const file of ["engine/decision/analyse.ts", "engine/ranking/rank-interventions.ts"]) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/onProgress\?\.\("([^"]+)"/g)) phases.add(m[1]!);
    }
    expect(phases.size).toBeGreaterThanOrEqual(6);
    for (const phase of phases) {
      const key = `analyse.phase.${phase.replace(/ /g, "_")}`;
      expect(sv, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });
});
