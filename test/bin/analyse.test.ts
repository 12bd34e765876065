import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../bin/commands/analyse";
import { CliInputError } from "../../bin/cli";
import small from "../../scenarios/examples/small.analysis.json";

const example = "scenarios/examples/small.analysis.json";

async function tempFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "livsval-analyse-"));
  const path = join(dir, "a.json");
  await writeFile(path, content);
  return path;
}

describe("livsval analyse", () => {
  it("returns livsval.result/1 for the shipped example, with --draws and --seed applied", async () => {
    const r = (await run([example, "--draws", "300", "--seed", "9"])) as {
      format: string;
      draws: number;
      seed: number;
    };
    expect(r.format).toBe("livsval.result/1");
    expect(r.draws).toBe(300);
    expect(r.seed).toBe(9);
  });

  it("says which field is wrong in a bad file, with the file name", async () => {
    const bad = structuredClone(small);
    (bad.interventions[1]!.effects[0]!.change as unknown) = { dist: "normal", mean: 1, sd: -1 };
    const path = await tempFile(JSON.stringify(bad));
    await expect(run([path])).rejects.toThrow(
      new CliInputError(`${path}: interventions[1].effects[0].change.sd must be ≥ 0`),
    );
  });

  it("refuses a file that is not JSON, a bad flag value and a missing file", async () => {
    const path = await tempFile("{ not json");
    await expect(run([path])).rejects.toThrow(/not valid JSON/);
    await expect(run([example, "--draws", "ten"])).rejects.toThrow(
      '--draws must be an integer from 2 to 1000000, not "ten"',
    );
    await expect(run(["nowhere.json"])).rejects.toThrow("nowhere.json: no such file");
    await expect(run([example, "--colour"])).rejects.toBeInstanceOf(CliInputError);
  });
});

describe("livsval analyse --sensitivity", () => {
  it("adds the top candidate's tornado and the switching values", async () => {
    const r = (await run([example, "--draws", "300", "--sensitivity", "--no-confidence"])) as {
      ranking: string[];
      sensitivity: { tornado: { candidate: string; bars: unknown[] }; switching: { top: string } };
    };
    expect(r.sensitivity.tornado.candidate).toBe(r.ranking[0]);
    // 3 weights + ε + 2 effects of meeting-places
    expect(r.sensitivity.tornado.bars.length).toBe(6);
    expect(r.sensitivity.switching.top).toBe(r.ranking[0]);
  });
});
