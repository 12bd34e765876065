import type { Db, NewReferenceValue, ReferenceValue } from "../schema";
import { chunkForInsert } from "./transaction";

/** Store reference values (all or nothing: the caller's transaction or one of its own). */
export async function insertReferenceValues(db: Db, rows: readonly NewReferenceValue[]): Promise<void> {
  if (rows.length === 0) return;
  const write = async (trx: Db) => {
    for (const chunk of chunkForInsert(rows, 11))
      await trx.insertInto("reference_values").values(chunk).execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/** Every reference series with its values, ordered by series and entity. */
export async function listReferenceValues(db: Db): Promise<ReferenceValue[]> {
  return db.selectFrom("reference_values").selectAll().orderBy("series").orderBy("entity_code").execute();
}
