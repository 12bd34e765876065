import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../bin/commands/propagate";
import { CliInputError } from "../../bin/cli";

const fixture = (name: string): string => path.join(import.meta.dirname, "..", "fixtures", "propagate", name);

async function modelFile(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "livsval-propagate-"));
  const file = path.join(dir, "model.json");
  await writeFile(file, content);
  return file;
}

interface Output {
  estimate: number;
  u: number;
  interval: [number, number];
  shortestInterval: [number, number];
  coverage: number;
  draws: number;
  seed: number;
  gum: { estimate: number; u: number };
}

describe("livsval propagate", () => {
  it("reports estimate, u and both 95 % intervals for JCGM 101 §9.2.2", async () => {
    const out = (await run([fixture("additive-normal.json")])) as Output;
    // exact: u = 2, interval ±3.919928; M = 10⁵: SE(u) = 2/√(2M) = 0.0045, SE(ends) = 0.017 (4 SE)
    expect(Math.abs(out.u - 2)).toBeLessThan(4 * 0.0045);
    expect(Math.abs(out.interval[0] + 3.919928)).toBeLessThan(4 * 0.017);
    expect(Math.abs(out.interval[1] - 3.919928)).toBeLessThan(4 * 0.017);
    expect(out.shortestInterval[1] - out.shortestInterval[0]).toBeLessThanOrEqual(
      out.interval[1] - out.interval[0],
    );
    expect(out).toMatchObject({ coverage: 0.95, draws: 100_000, seed: 922, gum: { estimate: 0, u: 2 } });
  });

  it("gives the same JSON twice for the same seed", async () => {
    const a = await run([fixture("mass-calibration.json")]);
    const b = await run([fixture("mass-calibration.json")]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("refuses an unknown name with its column, in one line", async () => {
    await expect(run([fixture("unknown-name.json")])).rejects.toThrow(
      new CliInputError(
        `${fixture("unknown-name.json")}: expression: unknown name "c" at column 9 (inputs: a, b)`,
      ),
    );
  });

  it("names the path of an invalid distribution parameter", async () => {
    await expect(run([fixture("bad-dist.json")])).rejects.toThrow(
      new CliInputError(`${fixture("bad-dist.json")}: inputs.a.sd: must be ≥ 0`),
    );
  });

  it("refuses unknown keys, bad JSON, bad seeds and missing arguments", async () => {
    const extra = await modelFile(
      '{"expression": "a", "inputs": {"a": 1}, "draws": 10, "seed": 1, "sed": 2}',
    );
    await expect(run([extra])).rejects.toThrow(/sed/);
    const broken = await modelFile('{"expression": ');
    await expect(run([broken])).rejects.toThrow(`${broken}: not valid JSON`);
    const seed = await modelFile('{"expression": "a", "inputs": {"a": 1}, "draws": 10, "seed": -1}');
    await expect(run([seed])).rejects.toThrow(`${seed}: seed: must be ≥ 0`);
    const fnName = await modelFile('{"expression": "1", "inputs": {"exp": 1}, "draws": 10, "seed": 1}');
    await expect(run([fnName])).rejects.toThrow(
      `${fnName}: inputs.exp: an input name must not be a function name`,
    );
    await expect(run([])).rejects.toThrow("usage: livsval propagate <model.json>");
    await expect(run(["--fast", extra])).rejects.toThrow(CliInputError);
    await expect(run([path.join(tmpdir(), "no-such-model.json")])).rejects.toThrow("no such file");
  });

  it("takes correlated normal inputs and adaptive stopping", async () => {
    const out = (await run([fixture("comparison-loss.json")])) as Output & {
      adaptive: { batches: number; tolerance: number; converged: boolean };
    };
    // exact E[Y] = 1.5e-4, u = 1.2052e-4 (see the engine test); SE at ≥ 2·10⁴ draws: 8.5e-7 (4 SE)
    expect(Math.abs(out.estimate - 1.5e-4)).toBeLessThan(4 * 8.5e-7);
    expect(out.adaptive.converged).toBe(true);
    expect(out.draws).toBe(out.adaptive.batches * 10_000);
  });

  it("refuses too few draws for the coverage probability", async () => {
    const few = await modelFile(
      '{"expression": "a", "inputs": {"a": {"dist": "normal", "mean": 0, "sd": 1}}, "draws": 10, "seed": 1}',
    );
    await expect(run([few])).rejects.toThrow(`${few}: 10 draws are too few for a 0.95 coverage interval`);
  });
});
