import { sql } from "kysely";
import { isPostgres } from "../repositories/transaction";
import type { Db, NewObservation } from "../schema";

/** Rows per statement: one JSON parameter each, so statement size does not grow with the chunk. */
export const BULK_ROWS_PER_STATEMENT = 5000;

/**
 * Insert observations with one small, constant statement per chunk whose single parameter is the
 * chunk as JSON (SQLite `json_each`, PostgreSQL `json_to_recordset`). A multi-row VALUES statement
 * with thousands of bound parameters compiles to a large program per chunk, and better-sqlite3
 * keeps each prepared program in native memory until the garbage collector happens to free its JS
 * wrapper: on a million rows that alone cost hundreds of MB. Numbers round-trip exactly (JSON's
 * shortest decimal form, parsed to the nearest double by both databases). Runs in the caller's
 * transaction; the caller has already checked keys and references.
 */
export async function bulkInsertObservations(db: Db, rows: readonly NewObservation[]): Promise<void> {
  const pg = isPostgres(db);
  for (let i = 0; i < rows.length; i += BULK_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + BULK_ROWS_PER_STATEMENT);
    if (pg) {
      const json = JSON.stringify(
        chunk.map((o) => ({ ...o, group_code: o.group_code ?? null, u: o.u ?? null, n: o.n ?? null })),
      );
      await sql`insert into observations (indicator_id, area_id, group_code, period, value, u, n, dataset_id)
        select indicator_id, area_id, group_code, period, value, u, n, dataset_id
        from json_to_recordset(${json}::json) as x(indicator_id text, area_id text, group_code text,
          period text, value double precision, u double precision, n integer, dataset_id text)`.execute(db);
    } else {
      const json = JSON.stringify(
        chunk.map((o) => [
          o.indicator_id,
          o.area_id,
          o.group_code ?? null,
          o.period,
          o.value,
          o.u ?? null,
          o.n ?? null,
          o.dataset_id,
        ]),
      );
      await sql`insert into observations (indicator_id, area_id, group_code, period, value, u, n, dataset_id)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
        from json_each(${json})`.execute(db);
    }
  }
}
