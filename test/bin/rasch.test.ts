import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run, type RaschResult } from "../../bin/commands/rasch";
import { CliInputError } from "../../bin/cli";
import { LSAT_ERM } from "../engine/measurement/rasch/erm-reference";

const fixtures = fileURLToPath(new URL("../fixtures/rasch/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "livsval-rasch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

let badFiles = 0;

async function rasch(argv: string[]): Promise<RaschResult> {
  return (await run(argv)) as RaschResult;
}

describe("livsval rasch", () => {
  it("calibrates the LSAT items as eRm does, in the DESIGN §7 shape", async () => {
    const r = await rasch([join(fixtures, "lsat_dichotomous.csv"), "--model", "rasch"]);
    expect(r.items.map((i) => i.item)).toEqual(["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"]);
    r.items.forEach((item, i) => {
      expect(item.thresholds).toHaveLength(1);
      expect(Math.abs(item.location - LSAT_ERM.difficulty[i]!)).toBeLessThan(0.005);
      expect(item.se).toBeCloseTo(LSAT_ERM.se[i]!, 3);
    });
    expect(r.persons).toHaveLength(1000);
    expect(Object.keys(r.persons[0]!)).toEqual(expect.arrayContaining(["id", "raw", "measure", "se"]));
    expect(r.fit.items[0]!.infit).toBeCloseTo(LSAT_ERM.infit[0]!, 4);
    expect(r.reliability).toBeCloseTo(LSAT_ERM.sepRel, 3);
    expect(r.transform.description).toContain("maps to 0");
  });

  it("takes person ids from --id and treats empty cells as missing", async () => {
    const path = csv(
      "ids.csv",
      "person,q1,q2,q3\nanna,0,1,2\nbo,1,,1\ncia,2,2,0\ndan,1,0,1\neva,0,2,\nfia,2,1,1\n",
    );
    const r = await rasch([path, "--id", "person"]);
    expect(r.items.map((i) => i.item)).toEqual(["q1", "q2", "q3"]);
    expect(r.persons.map((p) => p.id)).toEqual(["anna", "bo", "cia", "dan", "eva", "fia"]);
    expect(r.persons[1]).toMatchObject({ raw: 2, maxRaw: 4 });
    const mean = r.items.reduce((s, i) => s + i.location, 0) / 3;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
  });

  it.each([
    ["a missing --id column", "a,b\n0,1\n1,0\n", ["--id", "who"], 'no column "who"'],
    ["a non-numeric cell", "a,b\n0,1\nx,0\n", [], 'line 3, column "a": "x" is not a number'],
    [
      "a 7 for a dichotomous item",
      "a,b\n0,1\n7,0\n",
      ["--model", "rasch"],
      'line 3, column "a": 7 is out of range',
    ],
    ["a negative category", "a,b\n0,1\n1,-1\n", [], 'line 3, column "b": -1 is out of range'],
    ["a fractional category", "a,b\n0,1\n1,0.5\n", [], 'line 3, column "b": 0.5 is out of range'],
    ["an empty file", "", [], "file is empty"],
    ["a header without rows", "a,b\n", [], "no data rows"],
    ["an unknown model", "a,b\n0,1\n", ["--model", "2pl"], '--model: "2pl" is not rasch or pcm'],
  ])("refuses %s with one line naming the place", async (_what, text, flags, message) => {
    const path = csv(`bad-${++badFiles}.csv`, text);
    const error = await run([path, ...flags]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliInputError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("passes on the engine's refusal of an unobserved category", async () => {
    const path = csv("gap.csv", "a,b\n0,0\n2,1\n2,0\n0,1\n");
    await expect(run([path])).rejects.toThrow('item "a": category 1 is not observed');
  });
});

describe("livsval rasch --collapse", () => {
  it("collapses an unobserved category and says so in the output", async () => {
    const path = csv("collapse.csv", "a,b\n0,0\n2,1\n2,0\n0,1\n2,1\n0,1\n");
    const r = await rasch([path, "--collapse"]);
    expect(r.collapsed).toEqual([{ item: "a", recode: { "0": 0, "2": 1 }, unobserved: [1] }]);
    expect(r.items[0]!.thresholds).toHaveLength(1);
  });

  it("points to --collapse when an item skips a category and it was not given", async () => {
    // Item a is scored 0 or 2 (hand-made): category 1 is never observed.
    const path = csv("gap.csv", "a,b\n0,0\n2,1\n2,0\n0,1\n2,1\n0,1\n");
    const refused = run([path]);
    await expect(refused).rejects.toBeInstanceOf(CliInputError);
    await expect(refused).rejects.toThrow(/item "a": category 1 is not observed.*; --collapse renumbers/);
  });

  it("points to --collapse for items scored 1–5 (the Wenchuan PTSD items never score 0)", async () => {
    await expect(run([join(fixtures, "ptsd_wenchuan.csv")])).rejects.toThrow(
      /item "intrusion": category 0 is not observed.*; --collapse renumbers/,
    );
  });
});
