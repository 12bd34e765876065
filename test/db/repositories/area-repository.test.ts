import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findAreaById,
  latestSegmentPeriod,
  listAreas,
  listPopulationGroups,
  listSegments,
  segmentId,
  upsertAreas,
  upsertPopulationGroups,
  upsertSegments,
} from "../../../db/repositories/area-repository";
import type { Db } from "../../../db/schema";
import { freshDb, seedBasics } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

describe("areas", () => {
  it("round-trips areas and updates one already there", async () => {
    await upsertAreas(db, [
      { id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 },
      { id: "1283-S1", name: "S1", kind: "district", parent_id: "1283", synthetic: 1 },
    ]);
    await upsertAreas(db, [
      { id: "1283-S1", name: "Stadsdel 1", kind: "district", parent_id: "1283", synthetic: 1 },
    ]);
    expect(await findAreaById(db, "1283-S1")).toEqual({
      id: "1283-S1",
      name: "Stadsdel 1",
      kind: "district",
      parent_id: "1283",
      synthetic: 1,
    });
    expect((await listAreas(db, { parentId: "1283" })).map((a) => a.id)).toEqual(["1283-S1"]);
    expect((await listAreas(db, { kind: "municipality" })).map((a) => a.id)).toEqual(["1283"]);
    expect(await findAreaById(db, "0000")).toBeNull();
  });

  it("writes nothing when one area in the batch is invalid", async () => {
    await expect(
      upsertAreas(db, [
        { id: "1283", name: "Helsingborg", kind: "municipality", parent_id: null, synthetic: 0 },
        { id: "x", name: "x", kind: "village" as "district", parent_id: null, synthetic: 0 },
      ]),
    ).rejects.toThrow(/CHECK constraint failed/);
    expect(await listAreas(db)).toEqual([]);
  });
});

describe("groups and segments", () => {
  it("derives the segment id from area and group", () => {
    expect(segmentId("1283", "age_20_44_f")).toBe("1283:age_20_44_f");
  });

  it("round-trips groups and segments, updating a segment's population for the same period", async () => {
    await seedBasics(db);
    await upsertPopulationGroups(db, [{ code: "age_80p_f", dimension: "age_sex", label: "Kvinnor 80+" }]);
    expect((await listPopulationGroups(db, { dimension: "age_sex" })).map((g) => g.code)).toEqual([
      "age_20_44_f",
      "age_20_44_m",
      "age_80p_f",
    ]);
    await upsertSegments(db, [
      { area_id: "1283", group_code: "age_20_44_f", period: "2022", population: 25000, dataset_id: "ds1" },
      { area_id: "1283", group_code: "age_20_44_f", period: "2023", population: 25500, dataset_id: "ds1" },
      { area_id: "1283-S1", group_code: "age_20_44_m", period: "2023", population: 4100, dataset_id: null },
    ]);
    await upsertSegments(db, [
      { area_id: "1283", group_code: "age_20_44_f", period: "2023", population: 25600, dataset_id: "ds1" },
    ]);
    const segments = await listSegments(db, { areaId: "1283" });
    expect(segments).toEqual([
      {
        id: "1283:age_20_44_f",
        area_id: "1283",
        group_code: "age_20_44_f",
        period: "2022",
        population: 25000,
        dataset_id: "ds1",
      },
      {
        id: "1283:age_20_44_f",
        area_id: "1283",
        group_code: "age_20_44_f",
        period: "2023",
        population: 25600,
        dataset_id: "ds1",
      },
    ]);
    expect((await listSegments(db, { areaId: ["1283-S1"], period: "2023" })).map((s) => s.id)).toEqual([
      "1283-S1:age_20_44_m",
    ]);
    expect(await listSegments(db, { areaId: [] })).toEqual([]);
    expect(await latestSegmentPeriod(db, "1283")).toBe("2023");
    expect(await latestSegmentPeriod(db, "0000")).toBeNull();
  });

  it("refuses a segment of an unknown group (foreign keys are on)", async () => {
    await seedBasics(db);
    await expect(
      upsertSegments(db, [
        { area_id: "1283", group_code: "nobody", period: "2023", population: 1, dataset_id: null },
      ]),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });
});
