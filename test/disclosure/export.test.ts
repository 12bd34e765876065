import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run as exportCommand } from "../../bin/commands/export";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { SHOWN, SMALL, SMALL_DIGITS, seedDisclosureCase } from "./support";

// `livsval export` (issue 6.5): the n = 9 cell never leaves, in JSON or in CSV; the n = 10 cell does.

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "livsval-export-"));
  dbPath = path.join(dir, "x.sqlite");
  const db = createDb(dbPath);
  await migrateToLatest(db, () => {});
  await seedDisclosureCase(db);
  await db.destroy();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}

describe("disclosure control in livsval export", () => {
  it("blanks the n = 9 value and u in JSON and marks the row suppressed", async () => {
    const io = capture();
    const rows = (await exportCommand(["--kind", "observations", "--database", dbPath])) as Record<
      string,
      unknown
    >[];
    vi.restoreAllMocks();
    const small = rows.find((r) => r.group === SMALL.group)!;
    expect(small).toMatchObject({ value: null, u: null, n: 9, suppressed: true });
    expect(rows.find((r) => r.group === SHOWN.group)).toMatchObject({
      value: SHOWN.value,
      u: SHOWN.u,
      n: 10,
    });
    const json = JSON.stringify(rows);
    for (const digits of SMALL_DIGITS) expect(json).not.toContain(digits);
    expect(io.err()).toContain("suppressed (disclosure control)");
  });

  it("leaves the n = 9 row out of the CSV", async () => {
    const io = capture();
    await exportCommand(["--kind", "observations", "--database", dbPath, "--format", "csv"]);
    vi.restoreAllMocks();
    const csv = io.out();
    for (const digits of SMALL_DIGITS) expect(csv).not.toContain(digits);
    expect(csv).toContain(String(SHOWN.value));
    expect(csv).not.toContain(SMALL.group);
  });
});
