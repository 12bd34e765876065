import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../db/connection";
import { migrateToLatest } from "../../../db/migrate";
import { listAuditEvents, verifyAuditChain } from "../../../db/repositories/audit-repository";

const worker = fileURLToPath(new URL("./support/append-worker.ts", import.meta.url));

function runWorker(file: string, name: string, count: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, file, name, String(count)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`worker ${name}: ${stderr}`)),
    );
  });
}

describe("appending to the audit log from several processes at once", () => {
  it("keeps one unbroken chain with every event", async () => {
    const dir = mkdtempSync(join(tmpdir(), "livsval-audit-race-"));
    const file = join(dir, "livsval.sqlite");
    try {
      const setup = createDb(file);
      await migrateToLatest(setup, () => {});
      await setup.destroy();
      await Promise.all([runWorker(file, "a", 40), runWorker(file, "b", 40), runWorker(file, "c", 40)]);
      const db = createDb(file);
      try {
        expect(await verifyAuditChain(db)).toEqual({ events: 120, problems: [] });
        const events = await listAuditEvents(db);
        for (const name of ["a", "b", "c"]) {
          const own = events.filter((e) => e.entity_id === name).map((e) => (e.payload as { i: number }).i);
          expect(own).toEqual([...Array(40).keys()]);
        }
        const switches = events.filter((e, k) => k > 0 && e.entity_id !== events[k - 1]!.entity_id).length;
        process.stderr.write(`audit-concurrency: ${switches} switches between writers in 120 events\n`);
      } finally {
        await db.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
