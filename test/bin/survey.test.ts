import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../bin/commands/survey";
import type { ShownSurveyEstimate } from "../../engine/measurement/survey";
import { fixturePath } from "../fixtures/survey/load";

const ess = fixturePath("ess7_spain_design.csv");
/** The ESS design flags: weight 1/prob, strata and PSUs. */
const essDesign = ["--prob", "prob", "--strata", "stratum", "--cluster", "psu"];
const dir = mkdtempSync(join(tmpdir(), "livsval-survey-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function rows(argv: string[]): Promise<ShownSurveyEstimate[]> {
  return (await run(argv)) as ShownSurveyEstimate[];
}

function expectRel(actual: number | null, expected: number): void {
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-8 * Math.abs(expected));
}

describe("livsval survey", () => {
  it("gives R's svymean for ESS 7 Spain with --prob, --strata and --cluster", async () => {
    // svymean(~stflife, svydesign(ids = ~psu, strata = ~stratum, weights = ~I(1/prob), data = d), na.rm = TRUE)
    const [all] = await rows([ess, "--value", "stflife", ...essDesign]);
    expect(all!.group).toBe("all");
    expect(all!.n).toBe(1922);
    expectRel(all!.estimate, 6.96168375488583);
    expectRel(all!.se, 0.049808186591354484);
  });

  it("gives R's svyby per --by group", async () => {
    // svyby(~stflife, ~polintr, des, svymean, na.rm = TRUE)
    const out = await rows([ess, "--value", "stflife", ...essDesign, "--by", "polintr"]);
    expect(out.map((r) => r.group)).toEqual(["1", "2", "3", "4"]);
    expectRel(out[0]!.estimate, 7.0775122405391944);
    expectRel(out[3]!.se, 0.114055885290574074);
  });

  it("suppresses groups with fewer respondents than --min-n", async () => {
    // 216 respondents with polintr 1; the other groups have more than 400
    const out = await rows([
      ess,
      "--value",
      "stflife",
      "--prob",
      "prob",
      "--by",
      "polintr",
      "--min-n",
      "300",
    ]);
    expect(out[0]).toEqual({
      group: "1",
      estimate: null,
      se: null,
      n: 216,
      suppressed: true,
      reason: { code: "small_cell", n: 216, threshold: 300 },
    });
    expect(out[1]!.suppressed).toBeUndefined();
  });

  it("suppresses a small data set at the default threshold of 10", async () => {
    const path = csv("small.csv", "y,w\n1,1\n2,1\n3,2\n");
    expect(await rows([path, "--value", "y", "--weight", "w"])).toEqual([
      {
        group: "all",
        estimate: null,
        se: null,
        n: 3,
        suppressed: true,
        reason: { code: "small_cell", n: 3, threshold: 10 },
      },
    ]);
    // --min-n 0 shows it: (1 + 2 + 6)/4 = 2.25
    const [shown] = await rows([path, "--value", "y", "--weight", "w", "--min-n", "0"]);
    expect(shown!.estimate).toBeCloseTo(2.25, 14);
  });

  it("refuses a lonely PSU by default and accepts a --lonely-psu policy", async () => {
    const path = csv("lonely.csv", "y,s,c\n1,a,1\n2,a,2\n3,b,3\n");
    await expect(
      run([path, "--value", "y", "--strata", "s", "--cluster", "c", "--min-n", "0"]),
    ).rejects.toThrow(
      'surveyMean: stratum "b" has only one PSU; choose a lonely-PSU policy (remove, certainty, adjust or average): pass --lonely-psu',
    );
    const [r] = await rows([
      path,
      "--value",
      "y",
      "--strata",
      "s",
      "--cluster",
      "c",
      "--min-n",
      "0",
      "--lonely-psu",
      "remove",
    ]);
    expect(r!.estimate).toBe(2);
  });

  it.each([
    [["--value", "nope"], 'no column "nope"'],
    [["--value", "y", "--weight", "w"], 'line 3, column "w": weight 0 must be > 0'],
    [["--value", "y", "--weight", "neg"], 'line 2, column "neg": weight -2 must be > 0'],
    [["--value", "bad"], 'line 4, column "bad": "x" is not a number'],
    [["--value", "y", "--strata", "s"], 'line 4, column "s": empty cell'],
    [["--value", "y", "--prob", "w"], 'line 3, column "w": inclusion probability 0 is not in (0, 1]'],
  ])("refuses bad input %j naming the row and column", async (flags, message) => {
    const path = csv("bad.csv", "y,w,neg,bad,s\n1,1,-2,1,a\n2,0,1,2,a\n3,1,1,x,\n");
    await expect(run([path, ...flags])).rejects.toThrow(message);
  });

  it("refuses an empty file, a header without rows, a missing --value and unknown flags", async () => {
    await expect(run([csv("empty.csv", ""), "--value", "y"])).rejects.toThrow("file is empty");
    await expect(run([csv("header.csv", "y,w\n"), "--value", "y"])).rejects.toThrow(
      "no data rows under the header",
    );
    await expect(run([ess])).rejects.toThrow("--value is required");
    await expect(run([ess, "--value", "stflife", "--colour", "red"])).rejects.toThrow(
      "Unknown option '--colour'",
    );
    await expect(run([ess, "--value", "stflife", "--lonely-psu", "drop"])).rejects.toThrow(
      '--lonely-psu: "drop" is not one of',
    );
    await expect(run([ess, "--value", "stflife", "--min-n=-1"])).rejects.toThrow(
      '--min-n: "-1" is not a whole number ≥ 0',
    );
  });
});
