import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bulkInsertObservations } from "../../../db/import/bulk-insert-observations";
import type { Db } from "../../../db/schema";
import { addReferenceRows, freshDb } from "./test-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
  await addReferenceRows(db);
  await db
    .insertInto("datasets")
    .values({
      id: "d",
      source: "test",
      licence: "-",
      retrieved: "2026-12-04",
      sha256: "0".repeat(64),
      kind: "observations",
      file_name: "t.csv",
      row_count: 0,
      synthetic: 0,
      note: null,
    })
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

describe("bulkInsertObservations", () => {
  it("stores every double exactly as given, and nulls as nulls, across statement chunks", async () => {
    const values = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 6000);
    values.push(0.1, 1 / 3, 5e-324, -0, 1.7976931348623157e308, 82.4);
    const rows = values.map((value, i) => ({
      indicator_id: "life_expectancy",
      area_id: "1283",
      group_code: i % 2 ? null : "age_20_44_f",
      period: String(1000 + i),
      value,
      u: i % 3 ? Math.abs(value) : null,
      n: i % 5 ? i : null,
      dataset_id: "d",
    }));
    await bulkInsertObservations(db, rows);
    const stored = await db.selectFrom("observations").selectAll().orderBy("period").execute();
    expect(stored).toHaveLength(rows.length);
    stored.forEach((s, i) => {
      const r = rows[i]!;
      expect([s.value, s.u, s.n, s.group_code]).toEqual([
        r.value === 0 ? 0 : r.value,
        r.u === 0 ? 0 : r.u,
        r.n,
        r.group_code,
      ]);
    });
  });
});
