import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findDatasetById,
  findDatasetBySha256,
  insertDataset,
  listDatasets,
} from "../../../db/repositories/dataset-repository";
import type { Db, NewDataset } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

const kolada: NewDataset = {
  id: "kolada-municipalities",
  source: "Kolada (LCHansson/rKolada R/sysdata.rda)",
  licence: "CC BY 4.0",
  retrieved: "2026-12-04",
  sha256: "0f".repeat(32),
  kind: "areas",
  file_name: "municipalities.csv",
  row_count: 312,
  synthetic: 0,
  note: null,
};

describe("datasets", () => {
  it("finds a dataset by id and by the sha256 of its file, in any hex case", async () => {
    const stored = await insertDataset(db, kolada);
    expect(stored).toEqual(kolada);
    expect(await findDatasetById(db, kolada.id)).toEqual(kolada);
    expect(await findDatasetBySha256(db, "0F".repeat(32))).toEqual(kolada);
    expect(await findDatasetBySha256(db, "1f".repeat(32))).toBeNull();
    expect(await listDatasets(db)).toEqual([kolada]);
  });

  it("refuses the same file twice", async () => {
    await insertDataset(db, kolada);
    await expect(insertDataset(db, { ...kolada, id: "again" })).rejects.toThrow(
      /UNIQUE constraint failed: datasets.sha256/,
    );
  });
});
