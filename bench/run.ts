import { mkdir, readdir, writeFile } from "node:fs/promises";
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

const all: (BenchResult & { file: string })[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  const mod = (await import(path.join(here, file))) as { bench: () => Promise<BenchResult[]> };
  for (const r of await mod.bench()) {
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
