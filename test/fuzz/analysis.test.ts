import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../bin/commands/analyse";
import { CliInputError } from "../../bin/cli";
import { analyse } from "../../engine/decision/analyse";
import { ResultSchema } from "../../engine/decision/result-schema";
import { handAnalysis } from "../engine/decision/fixtures";
import { validAnalysis } from "./support/analysis-arbitrary";
import { fuzzOptions } from "./support/fuzz-config";
import { tempFileWriter } from "./support/temp-files";

// Analysis-file fuzz (issue 6, point 5): random valid analyses run, pass the result schema and are
// byte-identical for a seed; mutated ones are refused by the CLI with a path-precise one-line message.

type Json = Record<string, unknown>;
type Mutation = { name: string; apply: (a: Json) => void; path: string; message: RegExp };

const writeTemp = tempFileWriter("livsval-fuzz-analysis-");
const writeAnalysis = (a: unknown) => writeTemp(JSON.stringify(a), "json");

const at = (a: Json, ...keys: (string | number)[]): Json =>
  keys.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k]!, a);

/** The mutations that apply to an analysis, each with the path and words its refusal must name. */
function mutationsFor(a: Json): Mutation[] {
  const dims = (a.dimensions as { id: string }[]).map((d) => d.id);
  const ivs = a.interventions as { effects: unknown[] }[];
  const d0 = dims[0]!;
  const out: Mutation[] = [];
  const wrongTypes: [string, (string | number)[], unknown][] = [
    ["seed", ["seed"], "1"],
    ["draws", ["draws"], true],
    ["segments[0].population", ["segments", 0, "population"], "many"],
    [`segments[0].scores.${d0}.value`, ["segments", 0, "scores", d0, "value"], null],
    ["scenario.inequalityAversion", ["scenario", "inequalityAversion"], [1]],
    ["dimensions[0].label", ["dimensions", 0, "label"], 7],
  ];
  for (const [path, keys, value] of wrongTypes) {
    out.push({
      name: `wrong type at ${path}`,
      apply: (x) => {
        at(x, ...keys.slice(0, -1))[keys.at(-1)!] = value;
      },
      path,
      message: /must be a/,
    });
  }
  out.push(
    {
      name: "negative score uncertainty",
      apply: (x) => {
        (at(x, "segments", 0, "scores", d0) as { u: number }).u = -0.5;
      },
      path: `segments[0].scores.${d0}.u`,
      message: /must be ≥ 0/,
    },
    {
      name: "huge draws",
      apply: (x) => {
        x.draws = 1e9;
      },
      path: "draws",
      message: /must be ≤ 1000000/,
    },
    {
      name: "unknown root key",
      apply: (x) => {
        x.colour = "red";
      },
      path: "",
      message: /has unknown key "colour"/,
    },
    {
      name: "unknown segment key",
      apply: (x) => {
        at(x, "segments", 0).weight = 2;
      },
      path: "segments[0]",
      message: /has unknown key "weight"/,
    },
    {
      name: "missing population",
      apply: (x) => {
        delete at(x, "segments", 0).population;
      },
      path: "segments[0].population",
      message: /is required/,
    },
    {
      name: "missing scenario",
      apply: (x) => {
        delete x.scenario;
      },
      path: "scenario",
      message: /is required/,
    },
    {
      name: "unknown dimension in a weight",
      apply: (x) => {
        (at(x, "scenario") as { weights: unknown }).weights = {
          ...Object.fromEntries(dims.map((d) => [d, 1])),
          nowhere: 1,
        };
      },
      path: "scenario.weights.nowhere",
      message: /unknown dimension "nowhere"/,
    },
  );
  ivs.forEach((iv, i) => {
    const k = iv.effects.length - 1;
    const e = `interventions[${i}].effects[${k}]`;
    const effect = (x: Json) => at(x, "interventions", i, "effects", k);
    out.push(
      {
        name: `negative sd in ${e}`,
        apply: (x) => {
          effect(x).change = { dist: "normal", mean: 1, sd: -2 };
        },
        path: `${e}.change.sd`,
        message: /must be ≥ 0/,
      },
      {
        name: `reach above 1 in ${e}`,
        apply: (x) => {
          effect(x).reach = 1.5;
        },
        path: `${e}.reach`,
        message: /must be ≤ 1/,
      },
      {
        name: `unknown dimension in ${e}`,
        apply: (x) => {
          effect(x).dimension = "no_such_dimension";
        },
        path: `${e}.dimension`,
        message: /unknown dimension "no_such_dimension"/,
      },
      {
        name: `unknown segment in ${e}`,
        apply: (x) => {
          effect(x).segment = "9999:age_20_44_f";
        },
        path: `${e}.segment`,
        message: /unknown segment "9999:age_20_44_f"/,
      },
      {
        name: `missing cost of interventions[${i}]`,
        apply: (x) => {
          delete at(x, "interventions", i).cost;
        },
        path: `interventions[${i}].cost`,
        message: /is required/,
      },
      {
        name: `inverted uniform cost of interventions[${i}]`,
        apply: (x) => {
          at(x, "interventions", i).cost = { dist: "uniform", min: 5, max: 1 };
        },
        path: `interventions[${i}].cost.max`,
        message: /must be ≥ min/,
      },
    );
  });
  return out;
}

/** Apply a mutation to a copy, run the CLI command, and check the one-line, path-precise refusal. */
async function expectRefused(analysis: Json, mutation: Mutation): Promise<void> {
  const bad = structuredClone(analysis) as Json;
  mutation.apply(bad);
  const path = await writeAnalysis(bad);
  const error = await run([path]).then(
    () => new Error(`accepted: ${mutation.name}`),
    (e: unknown) => e,
  );
  if (!(error instanceof CliInputError)) throw error;
  expect(error.message).not.toContain("\n");
  expect(error.message.startsWith(`${path}: `)).toBe(true);
  const where = mutation.path === "" ? "" : `${mutation.path} `;
  expect(error.message).toMatch(
    new RegExp(`(: |; )${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^;]*${mutation.message.source}`),
  );
}

describe("fuzzing livsval.analysis/1 files", () => {
  it("analyses random valid analyses into a schema-valid result, byte-identical for the same seed", async () => {
    await fc.assert(
      fc.asyncProperty(validAnalysis(), async (analysis) => {
        const path = await writeAnalysis(analysis);
        const first = await run([path]);
        expect(() => ResultSchema.parse(first)).not.toThrow();
        const second = await run([path]);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      fuzzOptions(0xa11a5, 25),
    );
  });

  it("refuses mutated analyses with one line naming the path, the file and what must hold", async () => {
    const arb = validAnalysis(fc.constant(20)).chain((a) =>
      fc.record({ analysis: fc.constant(a), mutation: fc.constantFrom(...mutationsFor(a as Json)) }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ analysis, mutation }) => {
        await expectRefused(analysis as Json, mutation);
      }),
      fuzzOptions(0xbad, 80),
    );
  });

  it("refuses every mutation of a fixed analysis with one intervention per effect kind", async () => {
    const [fixed] = fc.sample(
      validAnalysis(fc.constant(20)).filter((a) => (a.interventions as unknown[]).length > 0),
      {
        seed: 7,
        numRuns: 1,
      },
    );
    for (const mutation of mutationsFor(fixed as Json)) await expectRefused(fixed as Json, mutation);
  });

  it("runs rules whose paths reach prototype properties without calling or changing anything", async () => {
    const paths = [
      "$.constructor.constructor",
      "$.__proto__",
      "$.attributes.__proto__.polluted",
      "$.toString",
    ];
    for (const path of paths) {
      for (const fact of ["intervention", "target"]) {
        const rule = {
          name: "probe",
          conditions: { all: [{ fact, path, operator: "equal", value: "x" }] },
          event: { type: "exclude", params: { reason: "probe fired" } },
        };
        const result = await analyse(handAnalysis(0, { rules: [rule] }));
        expect(() => ResultSchema.parse(result)).not.toThrow();
        expect(result.interventions.every((iv) => iv.status === "ranked")).toBe(true);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("exits 2 with one line on stderr and no stack trace when run as a program", async () => {
    const exec = promisify(execFile);
    const bad = JSON.parse(
      JSON.stringify({
        format: "livsval.analysis/1",
        seed: 1,
        draws: 20,
        dimensions: [{ id: "health", label: "hälsa" }],
        segments: [{ id: "s", population: 1, scores: { health: { value: 50, u: -1 } } }],
        interventions: [],
        scenario: { id: "x", weights: "none", inequalityAversion: 0, extra: 1 },
      }),
    ) as unknown;
    const path = await writeAnalysis(bad);
    const r = await exec("node", ["bin/livsval.js", "analyse", path]).then(
      () => ({ code: 0, stderr: "", stdout: "" }),
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `livsval analyse: ${path}: segments[0].scores.health.u must be ≥ 0; scenario has unknown key "extra"\n`,
    );
  }, 30_000);
});
