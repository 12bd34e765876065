import { CompiledQuery } from "kysely";
import type { Db, NewObservation, Observation } from "../schema";
import { chunkForInsert, inTransaction } from "./transaction";

const OBSERVATION_COLUMNS = [
  "indicator_id",
  "area_id",
  "group_code",
  "period",
  "value",
  "u",
  "n",
  "dataset_id",
] as const;

/**
 * Insert observations in one transaction (all or nothing), as multi-row INSERTs sized under SQLite's
 * bound-variable limit. A duplicate key (indicator, area, group, period) or an unknown indicator, area,
 * group or dataset fails the whole call.
 * @returns the number of rows inserted
 */
export async function insertObservations(
  db: Db,
  observations: readonly NewObservation[],
  options: { rowsPerStatement?: number } = {},
): Promise<number> {
  const rows = observations.map((o) => ({
    indicator_id: o.indicator_id,
    area_id: o.area_id,
    group_code: o.group_code ?? null,
    period: o.period,
    value: o.value,
    u: o.u ?? null,
    n: o.n ?? null,
    dataset_id: o.dataset_id,
  }));
  await inTransaction(db, async (trx) => {
    // Kysely builds and compiles a query from objects per call; for 10^6 rows that costs as much as the
    // inserts. So compile one statement per chunk size and run it again with each chunk's parameters
    // (same SQL text in the dialect's own placeholder style), checking once that the parameter order
    // is the row-major order assumed here.
    const compiled = new Map<number, string>();
    for (const chunk of chunkForInsert(rows, OBSERVATION_COLUMNS.length, {
      maxRows: options.rowsPerStatement,
    })) {
      const parameters = chunk.flatMap((r) => OBSERVATION_COLUMNS.map((c) => r[c]));
      let text = compiled.get(chunk.length);
      if (text === undefined) {
        const query = trx.insertInto("observations").values(chunk).compile();
        const sameOrder =
          query.parameters.length === parameters.length &&
          query.parameters.every((p, i) => p === parameters[i]);
        if (!sameOrder)
          throw new Error("insertObservations: unexpected parameter order from the query compiler");
        text = query.sql;
        compiled.set(chunk.length, text);
      }
      await trx.executeQuery(CompiledQuery.raw(text, parameters));
    }
  });
  return rows.length;
}

/** Which observations to read. `groupCode: null` means whole-area values only. */
export interface ObservationFilter {
  areaId?: string | readonly string[];
  indicatorId?: string | readonly string[];
  period?: string | readonly string[];
  groupCode?: string | null;
  datasetId?: string;
}

function filtered(db: Db, f: ObservationFilter) {
  let q = db.selectFrom("observations");
  for (const [column, value] of [
    ["area_id", f.areaId],
    ["indicator_id", f.indicatorId],
    ["period", f.period],
  ] as const) {
    if (typeof value === "string") q = q.where(column, "=", value);
    else if (value !== undefined)
      q = value.length === 0 ? q.where((eb) => eb.lit(false)) : q.where(column, "in", value);
  }
  if (f.groupCode === null) q = q.where("group_code", "is", null);
  else if (f.groupCode !== undefined) q = q.where("group_code", "=", f.groupCode);
  if (f.datasetId !== undefined) q = q.where("dataset_id", "=", f.datasetId);
  return q;
}

/** Observations matching the filter, ordered by area, indicator, group (whole area first) and period. */
export async function findObservations(db: Db, filter: ObservationFilter = {}): Promise<Observation[]> {
  return filtered(db, filter)
    .selectAll()
    .orderBy("area_id")
    .orderBy("indicator_id")
    .orderBy((eb) => eb.fn.coalesce("group_code", eb.val("")))
    .orderBy("period")
    .execute();
}

/** How many observations match the filter. */
export async function countObservations(db: Db, filter: ObservationFilter = {}): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Delete every observation of one dataset (to replace a dataset's values, in the same transaction as
 * the new insert). Returns how many were deleted.
 */
export async function deleteObservationsOfDataset(db: Db, datasetId: string): Promise<number> {
  const r = await db.deleteFrom("observations").where("dataset_id", "=", datasetId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The distinct periods with observations for an area, oldest first. */
export async function listObservationPeriods(db: Db, areaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("observations")
    .select("period")
    .distinct()
    .where("area_id", "=", areaId)
    .orderBy("period")
    .execute();
  return rows.map((r) => r.period);
}
