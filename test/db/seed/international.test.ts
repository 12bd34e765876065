import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";
import { listReferenceValues } from "../../../db/repositories/reference-repository";
import { DEFAULT_DATA_DIR } from "../../../db/seed/read-data";
import { seedInternationalReferences } from "../../../db/seed/international";

let db: Db;

beforeAll(async () => {
  db = await freshDb();
});

afterAll(async () => {
  await db.destroy();
});

describe("seedInternationalReferences", () => {
  it("stores the WHR ladder with u from the published 95 % interval, BLI totals and Nordic regions", async () => {
    const r = await seedInternationalReferences(db, DEFAULT_DATA_DIR, () => new Date("2026-12-04T00:00:00Z"));
    expect(r.datasets).toBe(5); // WHR, BLI, OECD regions, Eurostat by sex, Eurostat by age
    const all = await listReferenceValues(db);
    const finland = all.find((v) => v.series === "whr2024_ladder" && v.entity_code === "Finland")!;
    // data/whr/whr2024_ladder_ci.csv: Finland 7.741, upper 7.815, lower 7.667 → u = 0.148 / 3.92
    expect(finland.value).toBe(7.741);
    expect(finland.u).toBeCloseTo(0.148 / 3.92, 12);
    expect(all.filter((v) => v.series === "whr2024_ladder")).toHaveLength(143);
    const sweLife = all.find((v) => v.series === "bli_sw_lifs" && v.entity_code === "SWE")!;
    // BLI prints one decimal: rounding u = 0.05/√3; 2 % of the value assumed besides.
    expect(sweLife.u).toBeCloseTo(Math.hypot(0.05 / Math.sqrt(3), 0.02 * sweLife.value), 12);
    // 41 locations in the export, one of them the "OECD - Total" average: ranked among countries it would count twice.
    const bliLife = all.filter((v) => v.series === "bli_sw_lifs");
    expect(bliLife).toHaveLength(40);
    expect(bliLife.some((v) => v.entity_code === "OECD")).toBe(false);
    const se22 = all.find((v) => v.series === "oecd_regional_life_satisfaction" && v.entity_code === "SE22")!;
    expect(se22.value).toBe(7.5); // South Sweden, "Satisfaction" column
    expect(se22.entity_kind).toBe("region");
    const audit = await db.selectFrom("audit_events").select("action").execute();
    expect(audit.map((a) => a.action)).toEqual(Array(5).fill("dataset.imported"));
  });

  it("changes nothing when run again", async () => {
    const before = (await listReferenceValues(db)).length;
    expect(await seedInternationalReferences(db, DEFAULT_DATA_DIR)).toEqual({ datasets: 0, values: 0 });
    expect((await listReferenceValues(db)).length).toBe(before);
  });
});
