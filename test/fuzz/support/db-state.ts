import { sql } from "kysely";
import type { Db } from "../../../db/schema";

/** Row count of every table (migration bookkeeping left out), so "nothing was written" is checked everywhere. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'
      and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(db)
  ).rows;
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}

/** The tables whose counts differ between two snapshots, with the change. */
export function countChanges(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[t] ?? 0) - (before[t] ?? 0);
    if (d !== 0) out[t] = d;
  }
  return out;
}
