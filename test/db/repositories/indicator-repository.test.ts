import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findIndicatorById,
  listDimensions,
  listIndicators,
  upsertDimensions,
  upsertIndicators,
} from "../../../db/repositories/indicator-repository";
import type { Db, NewIndicator } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

const income: NewIndicator = {
  id: "median_income",
  dimension_id: "income_wealth",
  label: "Medianinkomst",
  unit: "SEK",
  direction: "higher",
  kind: "objective",
  level: "individual",
  goal_lo: null,
  goal_hi: null,
  source: "SCB",
};

describe("dimensions and indicators", () => {
  it("lists dimensions in their sort order and updates labels in place", async () => {
    await upsertDimensions(db, [
      {
        id: "social_capital",
        label_sv: "socialt kapital",
        label_en: "social capital",
        kind: "capital",
        sort: 15,
      },
      { id: "income_wealth", label_sv: "inkomst", label_en: "income and wealth", kind: "current", sort: 1 },
    ]);
    await upsertDimensions(db, [
      {
        id: "income_wealth",
        label_sv: "inkomst och förmögenhet",
        label_en: "income and wealth",
        kind: "current",
        sort: 1,
      },
    ]);
    const dims = await listDimensions(db);
    expect(dims.map((d) => [d.id, d.label_sv])).toEqual([
      ["income_wealth", "inkomst och förmögenhet"],
      ["social_capital", "socialt kapital"],
    ]);
    expect((await listDimensions(db, { kind: "capital" })).map((d) => d.id)).toEqual(["social_capital"]);
  });

  it("round-trips an indicator with null goalposts and updates it", async () => {
    await upsertDimensions(db, [
      { id: "income_wealth", label_sv: "inkomst", label_en: "income", kind: "current", sort: 1 },
    ]);
    await upsertIndicators(db, [income]);
    expect(await findIndicatorById(db, "median_income")).toEqual(income);
    await upsertIndicators(db, [{ ...income, goal_lo: 150000, goal_hi: 400000 }]);
    expect(await listIndicators(db, { dimensionId: "income_wealth" })).toEqual([
      { ...income, goal_lo: 150000, goal_hi: 400000 },
    ]);
    expect(await findIndicatorById(db, "nothing")).toBeNull();
  });

  it("refuses an indicator of an unknown dimension and writes none of its batch", async () => {
    await upsertDimensions(db, [
      { id: "income_wealth", label_sv: "inkomst", label_en: "income", kind: "current", sort: 1 },
    ]);
    await expect(
      upsertIndicators(db, [income, { ...income, id: "x", dimension_id: "nope" }]),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await listIndicators(db)).toEqual([]);
  });
});
