import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  countObservations,
  deleteObservationsOfDataset,
  findObservations,
  insertObservations,
  listObservationPeriods,
} from "../../../db/repositories/observation-repository";
import { SQLITE_MAX_VARIABLES, chunkForInsert } from "../../../db/repositories/transaction";
import type { Db, NewObservation } from "../../../db/schema";
import { freshDb, seedBasics } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await seedBasics(db);
});
afterEach(async () => {
  await db.destroy();
});

const base = { indicator_id: "life_expectancy", area_id: "1283", dataset_id: "ds1" } as const;

describe("chunkForInsert", () => {
  it("keeps each statement under SQLite's 32766 bound variables", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => i);
    // 8 columns: floor(32766 / 8) = 4095 rows a statement, so 10000 rows → 4095 + 4095 + 1810
    const chunks = chunkForInsert(rows, 8, { maxRows: 100_000 });
    expect(chunks.map((c) => c.length)).toEqual([4095, 4095, 1810]);
    expect(Math.max(...chunks.map((c) => c.length * 8))).toBeLessThanOrEqual(SQLITE_MAX_VARIABLES);
    expect(chunkForInsert(rows, 8).map((c) => c.length)).toEqual(Array(10).fill(1000));
    expect(chunkForInsert([], 8)).toEqual([]);
  });
});

describe("observations", () => {
  it("round-trips whole-area and group observations with their uncertainty, u and n optional", async () => {
    const rows: NewObservation[] = [
      { ...base, group_code: null, period: "2023", value: 82.4, u: 0.3, n: 1200 },
      { ...base, group_code: "age_20_44_f", period: "2023", value: 84.1, u: 0.5, n: 300 },
      { ...base, group_code: null, period: "2022", value: 82.1 },
      {
        ...base,
        indicator_id: "feels_unsafe",
        area_id: "1283-S1",
        period: "2023",
        value: 21.5,
        u: 2.1,
        n: 410,
      },
    ];
    expect(await insertObservations(db, rows)).toBe(4);
    expect(await findObservations(db, { areaId: "1283", indicatorId: "life_expectancy" })).toEqual([
      { ...base, group_code: null, period: "2022", value: 82.1, u: null, n: null },
      { ...base, group_code: null, period: "2023", value: 82.4, u: 0.3, n: 1200 },
      { ...base, group_code: "age_20_44_f", period: "2023", value: 84.1, u: 0.5, n: 300 },
    ]);
    expect(
      (await findObservations(db, { areaId: "1283", groupCode: null, period: "2023" })).map((o) => o.value),
    ).toEqual([82.4]);
    expect(await countObservations(db, { areaId: ["1283", "1283-S1"], period: ["2023"] })).toBe(3);
    expect(await countObservations(db, { areaId: [] })).toBe(0);
    expect(await listObservationPeriods(db, "1283")).toEqual(["2022", "2023"]);
  });

  it("inserts in several statements and reads every row back", async () => {
    // 2 indicators × 3 areas × 3 groups (incl. whole area) × 40 periods = 720 rows, 7 statements of ≤ 100
    const rows: NewObservation[] = [];
    for (const indicator_id of ["life_expectancy", "feels_unsafe"])
      for (const area_id of ["1283", "1283-S1", "1283-S2"])
        for (const group_code of [null, "age_20_44_f", "age_20_44_m"])
          for (let y = 1984; y < 2024; y++)
            rows.push({ indicator_id, area_id, group_code, period: String(y), value: y, dataset_id: "ds1" });
    expect(await insertObservations(db, rows, { rowsPerStatement: 100 })).toBe(720);
    expect(await countObservations(db)).toBe(720);
    expect(await countObservations(db, { indicatorId: "feels_unsafe", groupCode: "age_20_44_m" })).toBe(120);
  });

  it("writes nothing when a row in a later statement breaks the unique key (the transaction rolls back)", async () => {
    const rows: NewObservation[] = Array.from({ length: 250 }, (_, i) => ({
      ...base,
      group_code: null,
      period: String(1800 + i),
      value: i,
    }));
    rows.push({ ...base, group_code: null, period: "1800", value: -1 }); // duplicate of the first row
    await expect(insertObservations(db, rows, { rowsPerStatement: 100 })).rejects.toThrow(
      /UNIQUE constraint failed/,
    );
    expect(await countObservations(db)).toBe(0);
  });

  it("treats the whole-area value as one key: a second null-group row for the same cell is refused", async () => {
    await insertObservations(db, [{ ...base, group_code: null, period: "2023", value: 1 }]);
    await expect(
      insertObservations(db, [{ ...base, group_code: null, period: "2023", value: 2 }]),
    ).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it("writes nothing when a row names an unknown dataset", async () => {
    await expect(
      insertObservations(db, [
        { ...base, period: "2023", value: 1 },
        { ...base, period: "2024", value: 1, dataset_id: "missing" },
      ]),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await countObservations(db)).toBe(0);
  });

  it("replaces a dataset's values: delete and insert in one transaction", async () => {
    await insertObservations(db, [
      { ...base, period: "2022", value: 1 },
      { ...base, period: "2023", value: 2 },
    ]);
    await db.transaction().execute(async (trx) => {
      expect(await deleteObservationsOfDataset(trx, "ds1")).toBe(2);
      await insertObservations(trx, [{ ...base, period: "2023", value: 3 }]);
    });
    expect((await findObservations(db)).map((o) => [o.period, o.value])).toEqual([["2023", 3]]);
  });

  it("joins the caller's transaction and rolls back with it", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await insertObservations(trx, [{ ...base, period: "2023", value: 1 }]);
        expect(await countObservations(trx)).toBe(1);
        throw new Error("import failed later");
      }),
    ).rejects.toThrow("import failed later");
    expect(await countObservations(db)).toBe(0);
  });
});
