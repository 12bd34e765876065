import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./run";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

/**
 * `livsval import --kind observations` of a simulated 1 000 000-row file into a fresh SQLite file, run
 * as a child process under /usr/bin/time -v so its wall time and peak RSS are the whole CLI's (Node
 * start, tsx, parsing, validation, the transaction). Targets: ≤ 15 s and ≤ 500 MB.
 * LIVSVAL_BENCH_IMPORT_ROWS overrides the row count; LIVSVAL_BENCH_RUNS the number of runs (default 3).
 */
const ROWS = Number(process.env.LIVSVAL_BENCH_IMPORT_ROWS ?? 1_000_000);
const RUNS = Number(process.env.LIVSVAL_BENCH_RUNS ?? 3);
const INDICATORS = 40;
const AREAS = 50;
const GROUPS = [
  "age_0_19_f",
  "age_0_19_m",
  "age_20_44_f",
  "age_20_44_m",
  "age_45_64_f",
  "age_45_64_m",
  "age_65_79_f",
  "age_65_79_m",
  "age_80p_f",
  "age_80p_m",
];
const CLI = fileURLToPath(new URL("../bin/livsval.js", import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Write the simulated file: indicator × area × group × period, values and u from a fixed LCG. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("indicator,area,group,period,value,u,n\n");
  const perPeriod = INDICATORS * AREAS * GROUPS.length;
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const ind = i % INDICATORS;
    const area = Math.floor(i / INDICATORS) % AREAS;
    const group = Math.floor(i / (INDICATORS * AREAS)) % GROUPS.length;
    const period = 1000 + Math.floor(i / perPeriod);
    chunk += `ind_${ind},area_${area},${GROUPS[group]},${period},${(50 + 30 * next()).toFixed(3)},${(1 + next()).toFixed(3)},${100 + Math.floor(900 * next())}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** A fresh SQLite file with the indicators, areas and groups the simulated rows name. */
async function freshDatabase(path: string): Promise<void> {
  const db = createDb(path);
  await migrateToLatest(db, () => {});
  await db
    .insertInto("dimensions")
    .values({ id: "health", label_sv: "hälsa", label_en: "health", kind: "current", sort: 1 })
    .execute();
  await db
    .insertInto("indicators")
    .values(
      Array.from({ length: INDICATORS }, (_, i) => ({
        id: `ind_${i}`,
        dimension_id: "health",
        label: `ind_${i}`,
        unit: "%",
        direction: "higher" as const,
        kind: "objective" as const,
        level: "individual" as const,
        goal_lo: 0,
        goal_hi: 100,
        source: "bench",
      })),
    )
    .execute();
  await db
    .insertInto("areas")
    .values(
      Array.from({ length: AREAS }, (_, i) => ({
        id: `area_${i}`,
        name: `area ${i}`,
        kind: "district" as const,
        parent_id: null,
        synthetic: 1 as const,
      })),
    )
    .execute();
  await db
    .insertInto("population_groups")
    .values(GROUPS.map((code) => ({ code, dimension: "age_sex", label: code })))
    .execute();
  await db.destroy();
}

export async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "livsval-import-bench-"));
  try {
    const csv = join(dir, "observations.csv");
    await writeCsv(csv, ROWS);
    const times: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dbFile = join(dir, `run${run}.sqlite`);
      await freshDatabase(dbFile);
      const child = spawnSync(
        "/usr/bin/time",
        ["-v", process.execPath, CLI, "import", csv, "--kind", "observations", "--database", dbFile],
        {
          encoding: "utf8",
          maxBuffer: 1 << 24,
        },
      );
      if (child.status !== 0)
        throw new Error(`import bench: the import failed: ${child.stderr.slice(0, 2000)}`);
      const summary = JSON.parse(child.stdout) as { inserted: number };
      if (summary.inserted !== ROWS)
        throw new Error(`import bench: inserted ${summary.inserted} of ${ROWS} rows`);
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
        child.stderr,
      )!;
      times.push(((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000);
      rss.push(Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)![1]) / 1024);
      const seconds = (label: string) =>
        Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(child.stderr)![1]);
      cpu.push((seconds("User") + seconds("System")) * 1000);
      rmSync(dbFile, { force: true });
      rmSync(`${dbFile}-wal`, { force: true });
      rmSync(`${dbFile}-shm`, { force: true });
    }
    return [
      {
        name: `import ${ROWS.toLocaleString("en")} observation rows (CLI, fresh SQLite file)`,
        median_ms: median(times),
        target_ms: 15_000,
        notes: `wall time of the whole CLI process incl. Node and tsx start (cpu_ms: user + system, less sensitive to a loaded machine); peak RSS target ≤ 500 MB; ${RUNS} runs`,
        extra: {
          peak_rss_mb_median: Math.round(median(rss)),
          peak_rss_mb_max: Math.round(Math.max(...rss)),
          cpu_ms_median: Math.round(median(cpu)),
          rows_per_s: Math.round(ROWS / (median(times) / 1000)),
          load_average_1min: Number(loadavg()[0]!.toFixed(1)),
          file_mb: Math.round(statSync(csv).size / 2 ** 20),
          runs_ms: times.map((t) => Math.round(t)).join(" "),
        },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
