import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchResult } from "./run";

interface ManifestEntry {
  module: string;
  imports?: string[];
}

/**
 * JavaScript a browser downloads for the overview page (entry, root route, index route and their
 * imports, each counted once), gzipped at level 9, read from the built client (`npm run build`
 * first). Target ≤ 150 kB (issue: round UI §6). The size is in `notes` and `extra`; `median_ms` is
 * only the time taken to measure it.
 */
export async function bench(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const client = path.resolve(import.meta.dirname, "../build/client");
  const manifestFile = readdirSync(path.join(client, "assets")).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("no build/client/assets/manifest-*.js: run `npm run build` first");
  const text = readFileSync(path.join(client, "assets", manifestFile), "utf8");
  const manifest = JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as {
    entry: ManifestEntry;
    routes: Record<string, ManifestEntry>;
  };
  const files = new Set<string>([`/assets/${manifestFile}`]);
  for (const e of [manifest.entry, manifest.routes["root"]!, manifest.routes["routes/_index"]!]) {
    files.add(e.module);
    for (const i of e.imports ?? []) files.add(i);
  }
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(client, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return [
    {
      name: "JavaScript shipped for the overview (gzip -9), target ≤ 150 kB",
      median_ms: performance.now() - t0,
      notes: `${(gz / 1024).toFixed(1)} kB gzipped (${(raw / 1024).toFixed(1)} kB raw) in ${files.size} files`,
      extra: {
        gzip_kB: +(gz / 1024).toFixed(1),
        raw_kB: +(raw / 1024).toFixed(1),
        files: files.size,
        target_kB: 150,
      },
    },
  ];
}
