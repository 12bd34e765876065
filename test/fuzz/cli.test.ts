import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CliInputError, type Command } from "../../bin/cli";
import { run as inequality } from "../../bin/commands/inequality";
import { run as propagate } from "../../bin/commands/propagate";
import { run as rasch } from "../../bin/commands/rasch";
import { run as survey } from "../../bin/commands/survey";
import { EngineInputError } from "../../engine/errors";
import { applyMutations, csvCase, encodeGrid, gridFromText, type Grid } from "./support/csv-fuzz";
import { fuzzOptions } from "./support/fuzz-config";
import { tempFileWriter } from "./support/temp-files";

// CLI fuzz (issue 6, point 5): mutated CSVs for rasch/survey/inequality and random model files and
// expressions for propagate give a JSON result or a CliInputError/EngineInputError whose message
// places the problem (line and a header column, or the expression's column) — never another error.

const writeTemp = tempFileWriter("livsval-fuzz-cli-");

/** Every `step`-th data line of a fixture, `rows` of them, as a grid. */
function slice(fixture: string, rows: number, step = 1): Grid {
  const g = gridFromText(readFileSync(fixture, "utf8"));
  return { header: g.header, rows: g.rows.filter((_, i) => i % step === 0).slice(0, rows) };
}

/**
 * True when a cell holds a number so large that a weighted sum of the column overflows (then the
 * estimate itself is ∞ and prints as null: a known limit, reported, not fixed here).
 */
function overflows(grid: Grid): boolean {
  return grid.rows.some((r) => r.some((c) => Math.abs(Number(c)) > 1e250));
}

/** Every number in a printed result is finite (JSON would silently print NaN and ∞ as null). */
function expectFiniteNumbers(value: unknown, where = "result"): void {
  if (typeof value === "number") expect(Number.isFinite(value), `${where} is ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectFiniteNumbers(v, `${where}[${i}]`));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, `${where}.${k}`);
}

/** Run a command: its JSON-clean result, or an input error whose message places the problem. */
async function expectResultOrInputError(
  command: Command,
  argv: string[],
  header: readonly string[],
  allowOverflow = false,
): Promise<"result" | "refused"> {
  let result: unknown;
  try {
    result = await command(argv);
  } catch (e) {
    if (!(e instanceof CliInputError || e instanceof EngineInputError)) throw e;
    // outside the quoted input, no sign of a value that was never there
    expect(e.message.replace(/"[^"]*"/g, '"…"'), e.message).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(e.message).not.toContain("\n    at ");
    const column = /line \d+, column "([^"]*)"/.exec(e.message);
    if (column) expect(header.map((h) => h.trim())).toContain(column[1]);
    return "refused";
  }
  if (allowOverflow) return "result";
  expect(typeof JSON.stringify(result)).toBe("string"); // printable (no cycles, no BigInt)
  expectFiniteNumbers(result);
  return "result";
}

interface CsvCommand {
  name: string;
  command: Command;
  base: Grid;
  flags: fc.Arbitrary<string[]>;
}

const COMMANDS: CsvCommand[] = [
  {
    name: "rasch",
    command: rasch,
    base: slice("test/fixtures/rasch/lsat_dichotomous.csv", 100, 10),
    flags: fc.constantFrom(
      [],
      ["--model", "pcm"],
      ["--model", "rasch"],
      ["--identification", "erm"],
      ["--id", "Item 1"],
    ),
  },
  {
    name: "survey",
    command: survey,
    base: slice("test/fixtures/survey/ess7_spain_design.csv", 60),
    flags: fc.constantFrom(
      ["--value", "stflife"],
      [
        "--value",
        "stflife",
        "--prob",
        "prob",
        "--strata",
        "stratum",
        "--cluster",
        "psu",
        "--lonely-psu",
        "adjust",
      ],
      ["--value", "stflife", "--prob", "prob", "--by", "polintr"],
      ["--value", "agea", "--cluster", "psu", "--by", "eisced", "--min-n", "3"],
    ),
  },
  {
    name: "inequality",
    command: inequality,
    base: slice("test/fixtures/survey/eusilc_burgenland.csv", 60),
    flags: fc.constantFrom(
      ["--value", "eqIncome"],
      ["--value", "eqIncome", "--weight", "rb050", "--epsilon", "0.5,1,2"],
      ["--value", "eqIncome", "--weight", "rb050", "--by", "rb090", "--below", "15000"],
      ["--value", "age", "--by", "db030", "--min-n", "1"],
    ),
  },
];

describe("survey with very large values", () => {
  it("gives a finite standard error where the squares would overflow", async () => {
    // y = k·10^200, k = 1..11, equal weights, no design: mean 6·10^200; z_i = (y_i − ȳ)/11,
    // Σ z² = 10^400 · 110 / 121; se = √(11/10 · Σ z²) = √(1210 / 1210) · 10^200 = 10^200.
    const rows = Array.from({ length: 11 }, (_, k) => `${k + 1}e200`);
    const path = await writeTemp(["y", ...rows].join("\n"), "csv");
    const [all] = (await survey([path, "--value", "y"])) as { estimate: number; se: number }[];
    expect(all!.estimate / 6e200).toBeCloseTo(1, 12);
    expect(all!.se / 1e200).toBeCloseTo(1, 12);
  });
});

describe.each(COMMANDS)("fuzzing livsval $name", ({ command, base, flags }) => {
  it("gives a JSON result or an input error placing the problem, for any mutation of a valid file", async () => {
    const outcomes = { result: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvCase, flags, async ({ mutations, encoding }, argv) => {
        const grid = applyMutations(base, mutations);
        const path = await writeTemp(encodeGrid(grid, encoding), "csv");
        outcomes[await expectResultOrInputError(command, [path, ...argv], grid.header, overflows(grid))]++;
      }),
      fuzzOptions(0xc5f, 60),
    );
    expect(outcomes.result).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

/** Expressions from a small grammar, with unknown names, code-like text and unbalanced parentheses. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x1", "x2", "x3", "2", "0.5", "1e309", "1e-3", "0", ".5"),
    fc.constantFrom(
      "y",
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "process.exit()",
      "process",
      "globalThis",
      "this",
      "constructor.constructor('return process')().exit()",
      "x1; process.exit()",
      "`x1`",
      "x1 => x1",
      "x1[0]",
      "x1,x2",
      "(",
      ")",
      "√x1",
      "x1 ** 2",
      "NaN",
      "Infinity",
    ),
    fc
      .tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "^"), tie("e"))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(fc.constantFrom("sqrt", "exp", "log", "abs", "eval", "require"), tie("e"))
      .map(([f, a]) => `${f}(${a})`),
    tie("e").map((a) => `(${a})`),
    tie("e").map((a) => `-${a}`),
  ),
})).e;

/** Unbalance some expressions: drop or add one parenthesis. */
const maybeUnbalanced = fc
  .tuple(expression, fc.constantFrom("keep", "keep", "dropOpen", "dropClose", "addOpen", "addClose"))
  .map(([e, how]) =>
    how === "dropOpen"
      ? e.replace("(", "")
      : how === "dropClose"
        ? e.replace(")", "")
        : how === "addOpen"
          ? `(${e}`
          : how === "addClose"
            ? `${e})`
            : e,
  );

const goodDist = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.record({
    dist: fc.constant("normal"),
    mean: fc.double({ min: -5, max: 5, noNaN: true }),
    sd: fc.double({ min: 0, max: 3, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant("uniform"),
    min: fc.constant(0.1),
    max: fc.double({ min: 0.1, max: 4, noNaN: true }),
  }),
  fc.record({ dist: fc.constant("lognormal"), median: fc.constant(1), gsd: fc.constant(1.5) }),
);
const badDist = fc.oneof(
  fc.record({ dist: fc.constant("normal"), mean: fc.constant(0), sd: fc.constant(-1) }),
  fc.record({ dist: fc.constant("cauchy"), median: fc.constant(1), gsd: fc.constant(1.5) }),
  fc.constantFrom(null, "1", [1], Number.MAX_VALUE),
);
const dist = fc.oneof({ weight: 6, arbitrary: goodDist }, { weight: 1, arbitrary: badDist });

/** Mostly good values, sometimes a bad one, so that most cases reach the expression. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad });

const model = fc.record(
  {
    expression: maybeUnbalanced,
    inputs: mostly(
      fc.record({ x1: dist, x2: dist, x3: dist }),
      fc.dictionary(fc.constantFrom("x1", "x2", "__proto__", "constructor", "1x", "sqrt", "x 1"), dist),
    ),
    draws: mostly(fc.integer({ min: 1, max: 300 }), fc.constantFrom(0, -1, 1.5, 1e12)),
    seed: mostly(fc.nat(), fc.constantFrom(-1, 2 ** 32, 0.5)),
    coverage: mostly(fc.constantFrom(0.95, 0.5), fc.constantFrom(0, 1, 2)),
  },
  { requiredKeys: ["expression", "inputs", "draws", "seed"] },
);

describe("fuzzing livsval propagate", () => {
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>).__livsvalFuzzHit;
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__livsvalFuzzHit;
  });

  it("never evaluates an expression as code: a result or an input error naming the expression's column", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("process.exit was called");
    }) as () => never);
    const outcomes = { result: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(model, async (m) => {
        const path = await writeTemp(JSON.stringify(m), "json");
        try {
          outcomes[await expectResultOrInputError(propagate, [path], [])]++;
        } catch (e) {
          throw new Error(`${m.expression}: ${(e as Error).message}`);
        }
        expect(exit).not.toHaveBeenCalled();
      }),
      fuzzOptions(0x9e0, 150),
    );
    expect(outcomes.result).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("parses random expressions over valid inputs to a result or an error at a column of the expression", async () => {
    await fc.assert(
      fc.asyncProperty(maybeUnbalanced, fc.nat(), async (expression, seed) => {
        const inputs = {
          x1: { dist: "normal", mean: 2, sd: 0.1 },
          x2: 3,
          x3: { dist: "uniform", min: 1, max: 2 },
        };
        const path = await writeTemp(JSON.stringify({ expression, inputs, draws: 50, seed }), "json");
        const outcome = await propagate([path]).then(
          () => null,
          (e: unknown) => e,
        );
        if (outcome === null) return;
        if (!(outcome instanceof CliInputError)) throw outcome;
        if (outcome.message.startsWith(`${path}: expression: `))
          expect(outcome.message, expression).toMatch(/column \d+|expression: must not be empty$/);
        else expect(outcome.message, expression).toMatch(/is not a finite number for \d+ of 50 draws/);
      }),
      fuzzOptions(0xe4, 200),
    );
    expect((globalThis as Record<string, unknown>).__livsvalFuzzHit).toBeUndefined();
  });

  it("places every expression error at a column", async () => {
    const cases = [
      "process.exit()",
      "constructor",
      "__proto__ + x1",
      "x1 + (x2",
      "x1 + x2)",
      "sqrt(x1",
      "x1; process.exit()",
      "globalThis.__livsvalFuzzHit = 1",
      "constructor.constructor('return process')().exit()",
    ];
    for (const expression of cases) {
      const path = await writeTemp(
        JSON.stringify({ expression, inputs: { x1: 1, x2: 2 }, draws: 10, seed: 1 }),
        "json",
      );
      const e = await propagate([path]).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, expression).toBeInstanceOf(CliInputError);
      expect((e as Error).message, expression).toMatch(new RegExp(`^${path}: expression: .*column \\d+`));
    }
    expect((globalThis as Record<string, unknown>).__livsvalFuzzHit).toBeUndefined();
  });
});
