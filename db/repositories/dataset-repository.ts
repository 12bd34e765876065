import type { Dataset, Db, NewDataset } from "../schema";

/** Record an imported file. Fails on a second dataset with the same sha256 (a file is imported once). */
export async function insertDataset(db: Db, dataset: NewDataset): Promise<Dataset> {
  return db.insertInto("datasets").values(dataset).returningAll().executeTakeFirstOrThrow();
}

export async function findDatasetById(db: Db, id: string): Promise<Dataset | null> {
  return (await db.selectFrom("datasets").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** The dataset imported from a file with these bytes (sha256, lower-case hex), or null. */
export async function findDatasetBySha256(db: Db, sha256: string): Promise<Dataset | null> {
  return (
    (await db
      .selectFrom("datasets")
      .selectAll()
      .where("sha256", "=", sha256.toLowerCase())
      .executeTakeFirst()) ?? null
  );
}

/** Datasets, newest retrieval first. */
export async function listDatasets(db: Db): Promise<Dataset[]> {
  return db.selectFrom("datasets").selectAll().orderBy("retrieved", "desc").orderBy("id").execute();
}
