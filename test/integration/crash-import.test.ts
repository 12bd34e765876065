import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { upsertAreas, upsertPopulationGroups } from "../../db/repositories/area-repository";
import { upsertDimensions, upsertIndicators } from "../../db/repositories/indicator-repository";

// Kill the importer with SIGKILL while it writes, then check that the database is consistent (the
// transaction left no trace) and that rerunning the same import stores every row exactly once.

const root = path.resolve(import.meta.dirname, "../..");
const ROWS = 200_000;
let dir: string;
let dbPath: string;
let csvPath: string;

/**
 * Run the import CLI. With `killWhenWriting`, send SIGKILL as soon as the SQLite write-ahead log
 * grows past 1 MB, that is, in the middle of the import's transaction.
 */
function runImport(
  killWhenWriting = false,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      "node",
      ["bin/livsval.js", "import", csvPath, "--kind", "observations", "--database", dbPath, "--synthetic"],
      { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = killWhenWriting
      ? setInterval(() => {
          try {
            if (statSync(`${dbPath}-wal`).size > 1_000_000) child.kill("SIGKILL");
          } catch {
            // no WAL yet
          }
        }, 10)
      : undefined;
    child.on("close", (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "livsval-crash-"));
  dbPath = path.join(dir, "crash.sqlite");
  csvPath = path.join(dir, "observations.csv");
  const db = createDb(dbPath);
  await migrateToLatest(db, () => {});
  await upsertDimensions(db, [
    { id: "health", label_sv: "Hälsa", label_en: "Health", kind: "current", sort: 1 },
  ]);
  await upsertIndicators(db, [
    {
      id: "sim_indicator",
      dimension_id: "health",
      label: "Simulated indicator (crash test)",
      unit: "points",
      direction: "higher",
      kind: "objective",
      level: "individual",
      goal_lo: 0,
      goal_hi: 100,
      source: "simulated for a test",
    },
  ]);
  // 1000 synthetic areas × 200 periods give 200 000 distinct observation keys.
  await upsertAreas(
    db,
    Array.from({ length: ROWS / 200 }, (_, a) => ({
      id: `T${a}`,
      name: `Test area ${a} (synthetic)`,
      kind: "municipality" as const,
      parent_id: null,
      synthetic: 1 as const,
    })),
  );
  await upsertPopulationGroups(db, []);
  await db.destroy();
  const lines = ["indicator,area,group,period,value,u,n,source"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `sim_indicator,T${Math.floor(i / 200)},,${1900 + (i % 200)},${(i % 100) + 0.5},0.1,,simulated`,
    );
  }
  await writeFile(csvPath, lines.join("\n") + "\n");
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function counts(): { observations: number; datasets: number; audit: number; integrity: string } {
  const db = new SQLite(dbPath);
  try {
    const one = (q: string) => (db.prepare(q).get() as { n: number }).n;
    return {
      observations: one("select count(*) as n from observations"),
      datasets: one("select count(*) as n from datasets"),
      audit: one("select count(*) as n from audit_events"),
      integrity: (db.prepare("pragma integrity_check").get() as { integrity_check: string }).integrity_check,
    };
  } finally {
    db.close();
  }
}

describe("an import killed with SIGKILL", () => {
  it("leaves a consistent database, and a rerun stores every row exactly once", async () => {
    const crashed = await runImport(true);
    expect(crashed.signal, `the import was not killed while writing: ${crashed.stderr.slice(0, 300)}`).toBe(
      "SIGKILL",
    );
    const after = counts();
    expect(after.integrity).toBe("ok");
    // Atomic: either nothing of the import is there, or (killed in the instant after COMMIT) all of it.
    expect([0, ROWS]).toContain(after.observations);
    expect(after.datasets).toBe(after.observations === 0 ? 0 : 1);
    expect(after.audit).toBe(after.datasets);
    const rerun = await runImport();
    expect(rerun.code, rerun.stderr.slice(0, 500)).toBe(0);
    const done = counts();
    expect(done).toEqual({ observations: ROWS, datasets: 1, audit: 1, integrity: "ok" });
    const again = await runImport();
    expect(again.code, again.stderr.slice(0, 500)).toBe(0);
    expect(counts()).toEqual(done);
  }, 300_000);
});
