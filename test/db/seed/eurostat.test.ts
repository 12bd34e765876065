import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { listReferenceValues } from "../../../db/repositories/reference-repository";
import { eurostatValues, eurostatYear } from "../../../db/seed/eurostat";
import { seedInternationalReferences } from "../../../db/seed/international";
import { DEFAULT_DATA_DIR } from "../../../db/seed/read-data";
import { freshDb } from "../fresh-db";

// Values read by hand from data/eurostat_life_satisfaction/*.csv:
//   Sex.csv        Sweden 7.5 (women) 7.4 (men) 7.5 (total); Finland 7.8, 7.7, 7.8
//   Age_Total.csv  Sweden 7.8 (65+) 7.3 (16–24) 7.4 (25–64); Finland 7.9, 7.5, 7.7
//   Time.csv       columns 2013, 2018, 2021, 2022, 2023; Sweden 2023 = 7.5
// Both breakdown files have 32 rows: 31 countries and the EU27 aggregate.

const ROUNDING_U = 0.05 / Math.sqrt(3); // half of the last digit 0.1, rectangular (JCGM 100 §F.2.2.1)
const uFor = (value: number) => Math.sqrt(ROUNDING_U ** 2 + (0.005 * value) ** 2);

let db: Db;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.destroy();
});

describe("eurostatValues", () => {
  it("reads 2023 values for 31 countries per column, without the EU27 aggregate", () => {
    expect(eurostatYear(DEFAULT_DATA_DIR)).toBe("2023");
    const sex = eurostatValues(DEFAULT_DATA_DIR, "Sex");
    const age = eurostatValues(DEFAULT_DATA_DIR, "Age_Total");
    const get = (rows: typeof sex, series: string, country: string) =>
      rows.find((r) => r.series === series && r.entity_code === country);
    expect(get(sex, "eurostat_life_satisfaction", "Sweden")).toMatchObject({ value: 7.5, period: "2023" });
    expect(get(sex, "eurostat_life_satisfaction_f", "Sweden")!.value).toBe(7.5);
    expect(get(sex, "eurostat_life_satisfaction_m", "Sweden")!.value).toBe(7.4);
    expect(get(age, "eurostat_life_satisfaction_16_24", "Sweden")!.value).toBe(7.3);
    expect(get(age, "eurostat_life_satisfaction_25_64", "Sweden")!.value).toBe(7.4);
    expect(get(age, "eurostat_life_satisfaction_65p", "Sweden")!.value).toBe(7.8);
    expect(get(sex, "eurostat_life_satisfaction", "Finland")!.value).toBe(7.8);
    expect(get(age, "eurostat_life_satisfaction_65p", "Finland")!.value).toBe(7.9);
    for (const series of [
      "eurostat_life_satisfaction",
      "eurostat_life_satisfaction_f",
      "eurostat_life_satisfaction_m",
    ])
      expect(sex.filter((r) => r.series === series)).toHaveLength(31);
    expect(age).toHaveLength(3 * 31);
    expect(sex.some((r) => r.entity_code === "EU27")).toBe(false);
    // Albania has no 2023 value in the Time file and is in neither breakdown file: not stored as 0.
    expect([...sex, ...age].some((r) => r.entity_code === "Albania")).toBe(false);
  });

  it("gives each value the rounding of one decimal combined with 0.5 % of it", () => {
    expect(ROUNDING_U).toBeCloseTo(0.028868, 6);
    const sweden = eurostatValues(DEFAULT_DATA_DIR, "Sex").find(
      (r) => r.series === "eurostat_life_satisfaction" && r.entity_code === "Sweden",
    )!;
    // √(0.028868² + 0.0375²) = √(0.00083333 + 0.00140625) = √0.00223958 = 0.047324
    expect(sweden.u).toBeCloseTo(0.047324, 6);
    for (const r of eurostatValues(DEFAULT_DATA_DIR, "Age_Total")) expect(r.u).toBeCloseTo(uFor(r.value), 12);
  });

  it("refuses files whose breakdown disagrees with the dated file's latest year", () => {
    const dir = mkdtempSync(join(tmpdir(), "livsval-eurostat-"));
    try {
      cpSync(join(DEFAULT_DATA_DIR, "eurostat_life_satisfaction"), join(dir, "eurostat_life_satisfaction"), {
        recursive: true,
      });
      const sexFile = join(dir, "eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_Sex.csv");
      writeFileSync(
        sexFile,
        readFileSync(sexFile, "utf8").replace("Sweden,7.5,7.4,7.5", "Sweden,7.5,7.4,7.6"),
      );
      expect(() => eurostatValues(dir, "Sex")).toThrow(/Sweden is 7\.6, but 2023 in the dated file is 7\.5/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("seeding the Eurostat reference series", () => {
  it("stores six series with one dataset per file and its provenance, once", async () => {
    await seedInternationalReferences(db, DEFAULT_DATA_DIR, () => new Date("2026-12-04T00:00:00Z"));
    const values = (await listReferenceValues(db)).filter((v) => v.series.startsWith("eurostat_"));
    expect(values).toHaveLength(6 * 31);
    const sweden65 = values.find(
      (v) => v.series === "eurostat_life_satisfaction_65p" && v.entity_code === "Sweden",
    )!;
    expect(sweden65).toMatchObject({ value: 7.8, period: "2023", unit: "0–10", direction: "higher" });
    expect(sweden65.u).toBeCloseTo(uFor(7.8), 12);

    const datasets = await db
      .selectFrom("datasets")
      .selectAll()
      .where("source", "like", "Eurostat%")
      .execute();
    expect(datasets.map((d) => d.file_name).sort()).toEqual([
      "eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_Age_Total.csv",
      "eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_Sex.csv",
    ]);
    for (const d of datasets) {
      const bytes = readFileSync(join(DEFAULT_DATA_DIR, d.file_name!));
      expect(d.sha256).toBe(createHash("sha256").update("reference-values\n").update(bytes).digest("hex"));
      expect(d).toMatchObject({
        licence: "Eurostat reuse policy (CC BY 4.0)",
        retrieved: "2026-12-04",
        row_count: 93,
      });
      expect(d.note).toContain("ASSUMPTION");
      expect(values.filter((v) => v.dataset_id === d.id)).toHaveLength(93);
    }

    expect(await seedInternationalReferences(db, DEFAULT_DATA_DIR)).toEqual({ datasets: 0, values: 0 });
    expect((await listReferenceValues(db)).filter((v) => v.series.startsWith("eurostat_"))).toHaveLength(186);
  });
});
