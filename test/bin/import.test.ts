import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CliInputError } from "../../bin/cli";
import { run as runExport } from "../../bin/commands/export";
import { run as runImport } from "../../bin/commands/import";
import { run as runSetup } from "../../bin/commands/setup";
import { createDb } from "../../db/connection";
import { countRows } from "../db/import/test-db";

let dir: string;
let database: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "livsval-cli-import-"));
  database = join(dir, "test.sqlite");
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  await runSetup(["--database", database]);
  vi.restoreAllMocks();
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function rows(): Promise<Record<string, number>> {
  const db = createDb(database);
  try {
    return await countRows(db);
  } finally {
    await db.destroy();
  }
}

describe("livsval setup", () => {
  it("seeds the demo once and leaves a seeded database alone", async () => {
    const before = await rows();
    expect(before.areas).toBe(297); // 290 municipalities + Riket + 6 synthetic districts
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      said.push(String(s));
      return true;
    });
    expect(await runSetup(["--database", database])).toBeUndefined();
    expect(said.join("")).toMatch(/already holds data, so the demo was not seeded/);
    expect(await rows()).toEqual(before);
  });
});

describe("livsval import", () => {
  it("imports a valid observations file and returns the summary", async () => {
    const file = join(dir, "obs.csv");
    writeFileSync(
      file,
      "indicator,area,group,period,value,u,n\nscb_tertiary_education,0180,,2021,55.1,0.5,\n",
    );
    const summary = await runImport([
      file,
      "--kind",
      "observations",
      "--database",
      database,
      "--source",
      "test",
    ]);
    expect(summary).toMatchObject({ kind: "observations", rows: 1, inserted: 1 });
    expect(await runImport([file, "--kind", "observations", "--database", database])).toMatchObject({
      inserted: 0,
      skipped: "already imported",
    });
  });

  it("refuses a bad file with one line naming every bad row, writing nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      "indicator,area,group,period,value,u,n\nscb_tertiary_education,0181,,2022,abc,0.5,\nnope,0181,,2022,1,-2,\n",
    );
    const before = await rows();
    const err = await runImport([file, "--kind", "observations", "--database", database]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliInputError);
    const message = (err as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/2 bad row\(s\), 3 issue\(s\), nothing imported/);
    expect(message).toMatch(/line 2, column "value", value "abc": not a number/);
    expect(message).toMatch(/line 3, column "indicator", value "nope": unknown indicator/);
    expect(message).toMatch(/line 3, column "u", value "-2": a standard uncertainty must be ≥ 0/);
    expect(await rows()).toEqual(before);
  });

  it("refuses a file above --max-bytes and an unknown kind", async () => {
    const file = join(dir, "obs.csv");
    await expect(
      runImport([file, "--kind", "observations", "--database", database, "--max-bytes", "10"]),
    ).rejects.toThrow(/more than the import limit of 10 bytes/);
    await expect(runImport([file, "--kind", "excel", "--database", database])).rejects.toThrow(
      /--kind must be one of/,
    );
  });

  it("checks the survey flags with the web form's rules before reading the file", async () => {
    const file = join(dir, "survey.csv");
    writeFileSync(file, "respondent,weight,q1\nA,1,2\n");
    const survey = (...flags: string[]) =>
      runImport([file, "--kind", "survey", "--database", database, ...flags]);
    const before = await rows();
    await expect(survey()).rejects.toThrow(/--kind survey needs --instrument ID/);
    await expect(survey("--instrument", "two words")).rejects.toThrow(
      /^--instrument: an instrument id is letters, digits/,
    );
    await expect(survey("--instrument", "s1", "--scale-min", "0.5")).rejects.toThrow(
      /^--scale-min: not a whole number$/,
    );
    await expect(survey("--instrument", "s1", "--scale-min", "3", "--scale-max", "2")).rejects.toThrow(
      /^--scale-max: the scale maximum is below its minimum$/,
    );
    expect(await rows()).toEqual(before);
  });
});

describe("livsval export", () => {
  it("exports a synthetic district's observations marked synthetic, as JSON and as importable CSV", async () => {
    const json = (await runExport([
      "--kind",
      "observations",
      "--area",
      "1283-S2",
      "--database",
      database,
    ])) as {
      synthetic: boolean;
      source: string;
    }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((o) => o.synthetic && o.source.startsWith("SYNTHETIC"))).toBe(true);

    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => {
      out += String(s);
      return true;
    });
    await runExport([
      "--kind",
      "observations",
      "--area",
      "1283-S2",
      "--format",
      "csv",
      "--database",
      database,
    ]);
    vi.restoreAllMocks();
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("indicator,area,group,period,value,u,n,source");
    expect(lines).toHaveLength(json.length + 1);
  });

  it("refuses an unknown area", async () => {
    await expect(
      runExport(["--kind", "observations", "--area", "9999", "--database", database]),
    ).rejects.toThrow(/no area "9999"/);
  });
});
