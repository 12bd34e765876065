import { describe, expect, it } from "vitest";
import { run as inequality } from "../../bin/commands/inequality";
import { run as survey } from "../../bin/commands/survey";
import { tempFileWriter } from "../fuzz/support/temp-files";

// Disclosure control in the CLI commands that print survey estimates by group (issue 6, point 6):
// group A has n = 9 respondents, group B n = 10.

const writeTemp = tempFileWriter("livsval-disclosure-");

// A: y = 1..9, weight 1; B: y = 10, 12, …, 28, weight 2.
const rows = [
  ...Array.from({ length: 9 }, (_, i) => `${i + 1},A,1`),
  ...Array.from({ length: 10 }, (_, i) => `${10 + 2 * i},B,2`),
];
const csv = ["y,grp,w", ...rows].join("\n") + "\n";

describe("disclosure control in the survey command", () => {
  it("prints no estimate or standard error for the n = 9 group, nor (complementary) for the n = 10 group", async () => {
    const path = await writeTemp(csv, "csv");
    const out = (await survey([path, "--value", "y", "--by", "grp", "--weight", "w"])) as Record<
      string,
      unknown
    >[];
    expect(out.find((r) => r.group === "A")).toEqual({
      group: "A",
      estimate: null,
      se: null,
      n: 9,
      suppressed: true,
      reason: { code: "small_cell", n: 9, threshold: 10 },
    });
    // B alone would give A by subtraction from the overall mean: withheld as complementary
    expect(out.find((r) => r.group === "B")).toEqual({
      group: "B",
      estimate: null,
      se: null,
      n: 10,
      suppressed: true,
      reason: { code: "complementary", n: 10, threshold: 10 },
    });
    expect(JSON.stringify(out)).not.toMatch(/"estimate":5[,}]/); // A's mean, (1 + … + 9)/9 = 5
    // With --min-n 9 nothing is suppressed. B by hand: weighted mean of 10, 12, …, 28 (equal
    // weights) = 19. Domain SE (Taylor, PSUs with replacement, as survey::svyby): z_i = w_i (y_i − 19)
    // / Σw = 2 (y_i − 19) / 20 on B's rows, 0 on A's; Σ z² = (4/400) · 2 (81 + 49 + 25 + 9 + 1) = 3.3;
    // se = √(19/18 · 3.3) = √3.48333 = 1.866369.
    const shownAll = (await survey([
      path,
      "--value",
      "y",
      "--by",
      "grp",
      "--weight",
      "w",
      "--min-n",
      "9",
    ])) as Record<string, unknown>[];
    const b = shownAll.find((r) => r.group === "B")!;
    expect(b).toMatchObject({ group: "B", n: 10 });
    expect(b.estimate as number).toBeCloseTo(19, 12);
    expect(b.se as number).toBeCloseTo(Math.sqrt((19 / 18) * 3.3), 12);
    expect(b.suppressed).toBeUndefined();
  });

  it("keeps suppressing at n = 9 whatever the weights, and a --min-n of 9 shows it", async () => {
    const path = await writeTemp(csv, "csv");
    const plain = (await survey([path, "--value", "y", "--by", "grp"])) as Record<string, unknown>[];
    expect(plain.find((r) => r.group === "A")).toMatchObject({ estimate: null, se: null, suppressed: true });
    const lowered = (await survey([path, "--value", "y", "--by", "grp", "--min-n", "9"])) as Record<
      string,
      unknown
    >[];
    expect(lowered.find((r) => r.group === "A")).toMatchObject({ estimate: 5, n: 9 });
  });
});

describe("disclosure control in the inequality command", () => {
  it("prints none of the n = 9 group's figures in the by-group decomposition, nor (complementary) the n = 10 group's", async () => {
    const path = await writeTemp(csv, "csv");
    const out = (await inequality([path, "--value", "y", "--by", "grp", "--weight", "w"])) as {
      theilDecomposition: { between: unknown; within: unknown; byGroup: Record<string, unknown>[] };
    };
    const a = out.theilDecomposition.byGroup.find((g) => g.group === "A")!;
    expect(a).toMatchObject({
      n: 9,
      suppressed: true,
      mean: null,
      share: null,
      theil: null,
      populationShare: null,
    });
    expect(out.theilDecomposition.byGroup.find((g) => g.group === "B")).toMatchObject({
      n: 10,
      suppressed: true,
      reason: { code: "complementary", n: 10, threshold: 10 },
      mean: null,
      share: null,
      theil: null,
      populationShare: null,
    });
    // With --min-n 9, B by hand: mean 19 (equal weights); population share Σw_B / Σw = 20 / 29.
    const all = (await inequality([
      path,
      "--value",
      "y",
      "--by",
      "grp",
      "--weight",
      "w",
      "--min-n",
      "9",
    ])) as {
      theilDecomposition: { byGroup: Record<string, unknown>[] };
    };
    const b = all.theilDecomposition.byGroup.find((g) => g.group === "B")!;
    expect(b.suppressed).toBeUndefined();
    expect(b.mean as number).toBeCloseTo(19, 12);
    expect(b.populationShare as number).toBeCloseTo(20 / 29, 12);
    // between and within would let A's Theil be recovered from B's: both withheld
    expect(out.theilDecomposition.between).toBeNull();
    expect(out.theilDecomposition.within).toBeNull();
  });
});
