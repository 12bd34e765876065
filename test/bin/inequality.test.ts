import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run, type InequalityResult } from "../../bin/commands/inequality";
import { fixturePath } from "../fixtures/survey/load";

const silc = fixturePath("eusilc_burgenland.csv");
const dir = mkdtempSync(join(tmpdir(), "livsval-inequality-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function result(argv: string[]): Promise<InequalityResult> {
  return (await run(argv)) as InequalityResult;
}

function expectRel(actual: number | null | undefined, expected: number, tol = 1e-8): void {
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe("livsval inequality", () => {
  it("gives the weighted mean, laeken's Gini as a fraction, Atkinson for ε 0.5, 1, 2 and Theil's T", async () => {
    // R on test/fixtures/survey/eusilc_burgenland.csv (x = eqIncome, w = rb050, p = w/sum(w)):
    // sum(p*x) = 21250.794053714759; laeken::gini(x, w)$value = 32.054885237995109;
    // 1 - ede(e)/mu = 0.090787026874751486, 0.18609471281391199, 0.62347626379547827;
    // sum(p*(x/mu)*log(x/mu)) = 0.18987189318872572
    const r = await result([silc, "--value", "eqIncome", "--weight", "rb050"]);
    expect(r.n).toBe(549);
    expectRel(r.mean, 21250.794053714759);
    expectRel(r.gini, 0.32054885237995107);
    // (JavaScript lists integer-like keys first, so JSON shows "1", "2", "0.5"; order carries no meaning)
    expect(Object.keys(r.atkinson!).sort()).toEqual(["0.5", "1", "2"]);
    expectRel(r.atkinson!["0.5"], 0.090787026874751486);
    expectRel(r.atkinson!["1"], 0.18609471281391199);
    expectRel(r.atkinson!["2"], 0.62347626379547827);
    expectRel(r.theil, 0.18987189318872572);
    expect(r.suppressed).toBeUndefined();
  });

  it("takes other ε, a poverty line with --below and a Theil split with --by", async () => {
    // laeken: arpt(x, w) = 10808.287999999979, arpr(x, w)$value = 19.339865781647745;
    // within = 0.18891899383288852, between = 0.00095289935583727642
    const r = await result([
      silc,
      ...["--value", "eqIncome", "--weight", "rb050", "--epsilon", "0,1.0"],
      ...["--below", "10808.287999999979", "--by", "rb090"],
    ]);
    expect(r.atkinson).toEqual({ "0": 0, "1": expect.any(Number) });
    expectRel(r.shareBelow!.share, 0.19339865781647744);
    expectRel(r.theilDecomposition!.within, 0.18891899383288852);
    expectRel(r.theilDecomposition!.between, 0.00095289935583727642, 1e-7);
    expect(r.theilDecomposition!.byGroup.map((g) => [g.group, g.n])).toEqual([
      ["female", 288],
      ["male", 261],
    ]);
  });

  it("works by hand without weights and suppresses fewer than --min-n rows", async () => {
    // 1, 2, 3, 4: Gini 0.25 (see test/engine/equity); mean 2.5
    const path = csv("four.csv", "x\n1\n2\n3\n4\n");
    const shown = await result([path, "--value", "x", "--min-n", "0"]);
    expect(shown.gini).toBeCloseTo(0.25, 15);
    expect(shown.mean).toBe(2.5);
    const hidden = await result([path, "--value", "x"]);
    expect(hidden).toMatchObject({
      n: 4,
      mean: null,
      gini: null,
      atkinson: null,
      theil: null,
      suppressed: true,
    });
  });

  it("hides the between/within split when a --by group is suppressed", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},a`).concat(["5,b", "6,b"]);
    const r = await result([csv("groups.csv", ["x,g", ...rows].join("\n")), "--value", "x", "--by", "g"]);
    expect(r.theilDecomposition!.between).toBeNull();
    expect(r.theilDecomposition!.byGroup[1]).toMatchObject({
      group: "b",
      n: 2,
      theil: null,
      suppressed: true,
    });
    // with two groups, a's figures would give b's from the overall mean: a is complementary-suppressed
    expect(r.theilDecomposition!.byGroup[0]).toMatchObject({
      group: "a",
      n: 12,
      theil: null,
      suppressed: true,
      reason: { code: "complementary", n: 12, threshold: 10 },
    });
  });

  it.each([
    [["--value", "nope"], 'no column "nope"'],
    [["--value", "x", "--weight", "w"], 'line 3, column "w": weight 0 must be > 0'],
    [["--value", "bad"], 'line 2, column "bad": "abc" is not a number'],
    [["--value", "z"], 'line 4, column "z": 0 must be > 0 for the Atkinson index with ε > 0'],
    [["--value", "z", "--epsilon", "0", "--weight", "ok"], ""],
    [["--value", "neg", "--epsilon", "0"], 'line 2, column "neg": -1 must be ≥ 0 for Theil\'s T'],
    [["--value", "x", "--epsilon", "1,-2"], '--epsilon: "-2" is not a number ≥ 0'],
    [["--value", "x", "--below", "low"], '--below: "low" is not a number'],
  ])("refuses bad input %j naming the row and column", async (flags, message) => {
    const path = csv("bad.csv", "x,w,ok,bad,z,neg\n1,1,1,abc,1,-1\n2,0,1,1,2,1\n3,1,1,1,0,1\n");
    if (message === "") {
      await expect(run([path, ...flags, "--min-n", "0"])).resolves.toMatchObject({ n: 3 });
    } else {
      await expect(run([path, ...flags])).rejects.toThrow(message);
    }
  });

  it("refuses an empty file, a column of only missing values and a missing --value", async () => {
    await expect(run([csv("empty.csv", "\n"), "--value", "x"])).rejects.toThrow("file is empty");
    await expect(run([csv("na.csv", "x\nNA\n\n"), "--value", "x"])).rejects.toThrow(
      'column "x" has no values',
    );
    await expect(run([silc])).rejects.toThrow("--value is required");
  });
});
