import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchResult {
  name: string;
  median_ms: number;
  target_ms?: number;
  notes?: string;
  extra?: Record<string, number | string>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

/** Run one bench file in this process (the child's half of {@link runIsolated}). */
async function runHere(file: string): Promise<BenchResult[]> {
  const mod = (await import(path.join(here, file))) as { bench: () => Promise<BenchResult[]> };
  return mod.bench();
}

/**
 * Run one bench file in a fresh Node process (bin/bench.js with the file's name), so that no bench
 * inherits another's heap, JIT state or open handles (a million rows inserted by one bench once slowed
 * the next by a quarter). The child writes its results to a temp file; its output goes to stderr.
 */
async function runIsolated(file: string): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "livsval-bench-"));
  const out = path.join(dir, "results.json");
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(here, "../bin/bench.js"), file], {
        env: { ...process.env, LIVSVAL_BENCH_OUT: out },
        stdio: ["ignore", 2, 2],
      });
      child.on("error", reject);
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`bench ${file} exited with ${code}`);
    return JSON.parse(await readFile(out, "utf8")) as BenchResult[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const childOut = process.env.LIVSVAL_BENCH_OUT;
if (childOut) {
  await writeFile(childOut, JSON.stringify(await runHere(files[0]!)));
  process.exit(0);
}

const all: (BenchResult & { file: string })[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  for (const r of await runIsolated(file)) {
    all.push({ ...r, file });
    const verdict =
      r.target_ms === undefined ? "" : r.median_ms <= r.target_ms ? " (meets target)" : " (MISSES target)";
    process.stderr.write(
      `  ${r.name}: median ${r.median_ms.toFixed(1)} ms${r.target_ms !== undefined ? `, target ≤ ${r.target_ms} ms` : ""}${verdict}${r.notes ? ` — ${r.notes}` : ""}\n`,
    );
  }
}

const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  results: all,
};
await mkdir(path.join(here, "results"), { recursive: true });
await writeFile(path.join(here, "results", "latest.json"), JSON.stringify(report, null, 2));
process.stdout.write(JSON.stringify(report, null, 2) + "\n");
