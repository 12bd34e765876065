import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { importKolada } from "../../../db/import/import-kolada";
import type { Db } from "../../../db/schema";
import { addMunicipalities, countRows, freshDb } from "./test-db";

const FIXTURE = "test/fixtures/import/kolada-n00945-excerpt.csv";
const HEADER = "gender,count,status,value,kpi,year,municipality_id,municipality,municipality_type";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await db
    .insertInto("dimensions")
    .values({
      id: "work_life_balance",
      label_sv: "balans",
      label_en: "work-life balance",
      kind: "current",
      sort: 9,
    })
    .execute();
  await db
    .insertInto("indicators")
    .values({
      id: "kolada_N00945",
      dimension_id: "work_life_balance",
      label: "VAB-dagar som tas ut av män, andel (%)",
      unit: "%",
      direction: "higher",
      kind: "objective",
      level: "societal",
      goal_lo: 0,
      goal_hi: 50,
      source: "Kolada N00945",
    })
    .execute();
  await addMunicipalities(db, [
    ["0180", "Stockholm"],
    ["1280", "Malmö"],
    ["1480", "Göteborg"],
  ]);
});
afterEach(async () => {
  await db.destroy();
});

describe("importKolada", () => {
  it("stores each municipality-year value under the KPI's indicator", async () => {
    const summary = await importKolada(db, { path: FIXTURE });
    expect(summary).toMatchObject({ kind: "kolada", rows: 8, inserted: 8 });
    const malmo2001 = await db
      .selectFrom("observations")
      .selectAll()
      .where("area_id", "=", "1280")
      .where("period", "=", "2001")
      .executeTakeFirstOrThrow();
    // Fixture line 6: T,1,,29.14838854,N00945,2001,1280,Malmö,K
    expect(malmo2001).toMatchObject({
      indicator_id: "kolada_N00945",
      group_code: null,
      value: 29.14838854,
      u: null,
    });
  });

  it("maps K and M to the sex groups and skips empty values that carry a status", async () => {
    const text = `${HEADER}\nK,1,,40.5,N00945,2020,0180,Stockholm,K\nM,1,,38.25,N00945,2020,0180,Stockholm,K\nT,1,Missing,,N00945,2020,0180,Stockholm,K\n`;
    const summary = await importKolada(db, { name: "k.csv", text }, { assumedRelativeU: 0.02 });
    expect(summary).toMatchObject({ rows: 3, inserted: 2, details: { withoutValue: 1 } });
    const rows = await db.selectFrom("observations").selectAll().orderBy("group_code").execute();
    expect(rows.map((r) => r.group_code)).toEqual(["sex_f", "sex_m"]);
    // Assumed u for 40.5: rounding 0.05/√3 = 0.028868, relative 0.02 × 40.5 = 0.81;
    // √(0.028868² + 0.81²) = √(0.00083333 + 0.6561) = √0.65693333 = 0.810514.
    expect(rows[0]!.u).toBeCloseTo(0.810514, 5);
    const dataset = await db.selectFrom("datasets").select("note").executeTakeFirstOrThrow();
    expect(dataset.note).toMatch(/ASSUMPTION/);
  });

  it("reports a bad gender, a bad value, an unknown municipality and an unknown KPI, writing nothing", async () => {
    const text = [
      HEADER,
      "X,1,,40.5,N00945,2020,0180,Stockholm,K",
      "T,1,,abc,N00945,2020,1280,Malmö,K",
      "T,1,,30,N00945,2020,9999,Okänd,K",
      "T,1,,30,N99999,2020,1480,Göteborg,K",
      "T,1,,,N00945,2021,1480,Göteborg,K",
    ].join("\n");
    const before = await countRows(db);
    const err = (await importKolada(db, { name: "bad.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column])).toEqual([
      [2, "gender"],
      [3, "value"],
      [4, "municipality_id"],
      [5, "kpi"],
      [6, "value"],
    ]);
    expect(err.issues[4]!.reason).toMatch(/without a status/);
    expect(await countRows(db)).toEqual(before);
  });
});
