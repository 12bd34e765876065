import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { seedDemo, type SeedSummary } from "../../../db/seed/seed-demo";
import { countRows, freshDb } from "../import/test-db";

let db: Db;
let first: SeedSummary;
beforeAll(async () => {
  db = await freshDb();
  first = await seedDemo(db, { pseudonymKey: "test" });
});
afterAll(async () => {
  await db.destroy();
});

/** Helsingborg's 2019 population per age band × sex, summed straight from the data file. */
function expectedHelsingborgTotals(): Map<string, number> {
  const totals = new Map<string, number>();
  const lines = readFileSync("data/scb/population_age_sex_2019_helsingborg_riket.csv", "utf8")
    .trim()
    .split("\n");
  for (const line of lines.slice(1)) {
    const [region, age, sex, count] = line.split(",").map((c) => c.replaceAll('"', ""));
    if (region !== "Helsingborg") continue;
    const a = Number(age);
    const band = a <= 19 ? "0_19" : a <= 44 ? "20_44" : a <= 64 ? "45_64" : a <= 79 ? "65_79" : "80p";
    const code = `age_${band}_${sex === "kvinnor" ? "f" : "m"}`;
    totals.set(code, (totals.get(code) ?? 0) + Number(count));
  }
  return totals;
}

describe("seedDemo", () => {
  it("creates the 15 dimensions, Kolada's 290 municipalities and Riket, and six synthetic districts", async () => {
    expect(first.created).toMatchObject({ dimensions: 15, areas: 291 });
    const districts = await db
      .selectFrom("areas")
      .selectAll()
      .where("kind", "=", "district")
      .orderBy("id")
      .execute();
    expect(districts.map((d) => [d.id, d.parent_id, d.synthetic])).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => [`1283-S${i}`, "1283", 1]),
    );
    expect(districts.every((d) => d.name.includes("(syntetiskt)"))).toBe(true);
  });

  it("splits Helsingborg into districts whose populations sum exactly to the real SCB totals", async () => {
    const expected = expectedHelsingborgTotals();
    // 147 734 residents on 31 Dec 2019 (SCB).
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(147_734);
    const segments = await db.selectFrom("segments").selectAll().where("area_id", "like", "1283%").execute();
    for (const [code, total] of expected) {
      const municipal = segments.find((s) => s.id === `1283:${code}`)!;
      expect(municipal.population).toBe(total);
      const districts = segments.filter((s) => s.area_id.startsWith("1283-S") && s.group_code === code);
      expect(districts).toHaveLength(6);
      expect(districts.reduce((a, s) => a + s.population, 0)).toBe(total);
    }
  });

  it("labels every proxy and synthetic dataset as such and gives every observation an uncertainty", async () => {
    const datasets = await db.selectFrom("datasets").selectAll().execute();
    const synthetic = datasets.filter((d) => d.synthetic === 1);
    expect(synthetic.length).toBe(2);
    expect(synthetic.every((d) => d.source.startsWith("SYNTHETIC"))).toBe(true);
    const districtRows = await db
      .selectFrom("observations")
      .innerJoin("datasets", "datasets.id", "observations.dataset_id")
      .select(["datasets.synthetic"])
      .where("observations.area_id", "like", "1283-S%")
      .execute();
    expect(districtRows.length).toBeGreaterThan(0);
    expect(districtRows.every((r) => r.synthetic === 1)).toBe(true);
    const helsingborgSources = await db
      .selectFrom("observations")
      .innerJoin("datasets", "datasets.id", "observations.dataset_id")
      .select(["datasets.source", "observations.indicator_id"])
      .where("observations.area_id", "=", "1283")
      .execute();
    for (const r of helsingborgSources) {
      if (!r.indicator_id.startsWith("scb_")) expect(r.source).toMatch(/^PROXY/);
    }
    const missingU = await db
      .selectFrom("observations")
      .select("indicator_id")
      .where("u", "is", null)
      .execute();
    expect(missingU).toEqual([]);
  });

  it("stores the 94 Kolada groups containing Helsingborg and the SCB panel for all 290 municipalities", async () => {
    const groups = await db
      .selectFrom("area_group_members")
      .select("group_id")
      .where("area_id", "=", "1283")
      .execute();
    expect(groups).toHaveLength(94);
    const panel = await db
      .selectFrom("observations")
      .select("area_id")
      .where("indicator_id", "=", "scb_tertiary_education")
      .where("area_id", "not like", "1283-S%")
      .execute();
    expect(panel).toHaveLength(290);
  });

  it("takes WHR's standard uncertainty from its published 95 % interval", async () => {
    const whr = await db
      .selectFrom("observations")
      .selectAll()
      .where("indicator_id", "=", "whr_ladder")
      .executeTakeFirstOrThrow();
    // Sweden in WHR 2024: 7.344 with interval 7.267–7.422; u = (7.422 − 7.267) / 2 / 1.96 = 0.155 / 3.92 = 0.0395408.
    expect(whr).toMatchObject({ area_id: "0000", value: 7.344, period: "2021-2023" });
    expect(whr.u).toBeCloseTo(0.0395408, 6);
  });

  it("attaches the stand-in survey to no area", async () => {
    const withArea = await db
      .selectFrom("survey_respondents")
      .select("id")
      .where("area_id", "is not", null)
      .execute();
    expect(withArea).toEqual([]);
    expect((await countRows(db)).survey_respondents).toBe(1197);
  });

  it("changes nothing when run a second time", async () => {
    const before = await countRows(db);
    const second = await seedDemo(db);
    expect(second.created).toEqual({ dimensions: 0, areas: 0, indicators: 0 });
    expect(second.imports.every((i) => i.skipped === "already imported")).toBe(true);
    expect(await countRows(db)).toEqual(before);
  });
});
