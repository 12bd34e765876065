import { describe, expect, it } from "vitest";
import { unitLabel } from "~/utils/units";

// The units `livsval setup` stores (select distinct unit from indicators, 2026-12-05): the OECD files'
// English words and the project's own Swedish ones.
const SEEDED = [
  "%",
  "0–10",
  "Average score",
  "Hours",
  "Micrograms per cubic metre",
  "Percentage",
  "Ratio",
  "US Dollar",
  "USD PPP",
  "Years",
  "kr per invånare",
  "per 1 000",
  "per 100 000",
  "rum per person",
  "µg/m³",
  "år",
];

describe("unitLabel", () => {
  it("shows no English unit word on the Swedish page and no Swedish one on the English page", () => {
    for (const unit of SEEDED) {
      expect(unitLabel(unit, "sv"), unit).not.toMatch(/Percentage|Average|Hours|Micrograms|Ratio|Dollar|Years/);
      expect(unitLabel(unit, "en"), unit).not.toMatch(/\bår\b|invånare|\brum\b/);
    }
  });

  it("writes a percentage as % in both languages", () => {
    expect(unitLabel("Percentage", "sv")).toBe("%");
    expect(unitLabel("Percentage", "en")).toBe("%");
  });

  it("translates the units both ways", () => {
    expect(unitLabel("Years", "sv")).toBe("år");
    expect(unitLabel("år", "en")).toBe("years");
    expect(unitLabel("kr per invånare", "en")).toBe("SEK per resident");
  });

  it("shows a unit it does not know as stored", () => {
    expect(unitLabel("furlongs", "sv")).toBe("furlongs");
  });
});
