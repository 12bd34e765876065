import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchResult } from "./run";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { appendAuditEvent, verifyAuditChain } from "../db/repositories/audit-repository";
import { findObservations, insertObservations } from "../db/repositories/observation-repository";
import type { Db, NewObservation } from "../db/schema";

/** Rows per bulk-insert run (LIVSVAL_BENCH_ROWS overrides; the brief asks for 10^6). */
const ROWS = Number(process.env.LIVSVAL_BENCH_ROWS ?? 1_000_000);
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function seeded(file: string): Promise<{ db: Db; indicators: string[]; areas: string[] }> {
  const db = createDb(file);
  await migrateToLatest(db, () => {});
  const indicators = Array.from({ length: 50 }, (_, i) => `ind_${i}`);
  const areas = Array.from({ length: 300 }, (_, i) => `a${i}`);
  await db
    .insertInto("dimensions")
    .values({ id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 1 })
    .execute();
  await db
    .insertInto("indicators")
    .values(
      indicators.map((id) => ({
        id,
        dimension_id: "health",
        label: id,
        unit: "%",
        direction: "higher" as const,
        kind: "objective" as const,
        level: "societal" as const,
        goal_lo: 0,
        goal_hi: 100,
        source: "bench",
      })),
    )
    .execute();
  await db
    .insertInto("areas")
    .values(
      areas.map((id) => ({
        id,
        name: id,
        kind: "district" as const,
        parent_id: null,
        synthetic: 1 as const,
      })),
    )
    .execute();
  await db
    .insertInto("population_groups")
    .values([
      { code: "g1", dimension: "age_sex", label: "g1" },
      { code: "g2", dimension: "age_sex", label: "g2" },
    ])
    .execute();
  await db
    .insertInto("datasets")
    .values({
      id: "bench",
      source: "synthetic benchmark rows",
      licence: "-",
      retrieved: "2026-12-04",
      sha256: "b".repeat(64),
      kind: "observations",
      file_name: "-",
      row_count: ROWS,
      synthetic: 1,
      note: null,
    })
    .execute();
  return { db, indicators, areas };
}

/** 50 indicators × 300 areas × 3 groups (whole area, g1, g2) × as many periods as it takes. */
function observationRows(indicators: string[], areas: string[]): NewObservation[] {
  const groups = [null, "g1", "g2"];
  const rows: NewObservation[] = [];
  for (let k = 0; rows.length < ROWS; k++) {
    const period = String(1000 + Math.floor(k / (areas.length * groups.length)));
    const area_id = areas[Math.floor(k / groups.length) % areas.length]!;
    const group_code = groups[k % groups.length]!;
    for (const indicator_id of indicators) {
      if (rows.length === ROWS) break;
      rows.push({
        indicator_id,
        area_id,
        group_code,
        period,
        value: (k % 997) / 10,
        u: 0.5,
        n: 400,
        dataset_id: "bench",
      });
    }
  }
  return rows;
}

/**
 * Bulk insert of 10^6 observations into a SQLite file (WAL) in one transaction, a typical overview
 * query (one area, one period, all indicators and groups), and audit append + chain verification.
 */
export async function bench(): Promise<BenchResult[]> {
  const insertMs: number[] = [];
  const queryMs: number[] = [];
  const appendMs: number[] = [];
  const verifyMs: number[] = [];
  const EVENTS = 2000;
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), "livsval-bench-db-"));
    const { db, indicators, areas } = await seeded(join(dir, "bench.sqlite"));
    try {
      const rows = observationRows(indicators, areas);
      let t = performance.now();
      await insertObservations(db, rows);
      insertMs.push(performance.now() - t);

      const samples: number[] = [];
      for (let q = 0; q < 20; q++) {
        t = performance.now();
        await findObservations(db, { areaId: areas[(q * 37) % areas.length]!, period: "1000" });
        samples.push(performance.now() - t);
      }
      queryMs.push(median(samples));

      t = performance.now();
      for (let e = 0; e < EVENTS; e++) {
        await appendAuditEvent(db, { action: "bench", entity: "round", entity_id: "r", payload: { e } });
      }
      appendMs.push((performance.now() - t) / EVENTS);
      t = performance.now();
      const { problems } = await verifyAuditChain(db);
      verifyMs.push(performance.now() - t);
      if (problems.length) throw new Error("benchmark audit chain has problems");
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    {
      name: `insertObservations: ${ROWS} rows into a SQLite file, one transaction (median of ${RUNS})`,
      median_ms: median(insertMs),
      extra: {
        rows_per_s: Math.round(ROWS / (median(insertMs) / 1000)),
        runs_ms: insertMs.map(Math.round).join(" "),
      },
    },
    {
      name: "findObservations: one area × one period (150 rows) out of the above",
      median_ms: median(queryMs),
    },
    { name: "appendAuditEvent: one event (mean over 2000, median of runs)", median_ms: median(appendMs) },
    { name: `verifyAuditChain: ${EVENTS} events`, median_ms: median(verifyMs) },
  ];
}
