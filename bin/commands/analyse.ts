import { analyse } from "../../engine/decision/analyse";
import { commandUsage } from "../command-usage";
import { EngineInputError } from "../../engine/errors";
import { CliInputError, readInputFile, type Command, parseCommandArgs } from "../cli";

const usage = commandUsage("analyse");

function integerFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliInputError(`--${flag} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/**
 * `livsval analyse <analysis.json> [--draws N] [--seed S] [--no-confidence] [--sensitivity]`: run a
 * `livsval.analysis/1` file and return `livsval.result/1` (DESIGN §7); `--sensitivity` adds the
 * tornado of the top candidate and switching values. Progress goes to stderr when the run is long.
 */
export const run: Command = async (argv) => {
  const parsed = parseCommandArgs(
    argv,
    {
      draws: { type: "string" },
      seed: { type: "string" },
      "no-confidence": { type: "boolean" },
      sensitivity: { type: "boolean" },
    },
    usage,
  );
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliInputError(usage);
  const path = positionals[0]!;
  const draws = integerFlag(values.draws, "draws", 2, 1_000_000);
  const seed = integerFlag(values.seed, "seed", 0, 4294967295);
  const text = await readInputFile(path);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const started = performance.now();
  let lastReport = started;
  try {
    return await analyse(input, {
      draws,
      seed,
      confidenceFactors: !values["no-confidence"],
      sensitivity: values.sensitivity === true,
      onProgress: (phase, done, total) => {
        const now = performance.now();
        if (now - lastReport < 1000) return;
        lastReport = now;
        process.stderr.write(
          `livsval analyse: ${phase} ${done}/${total} (${((now - started) / 1000).toFixed(1)} s)\n`,
        );
      },
    });
  } catch (e) {
    if (e instanceof EngineInputError)
      throw new CliInputError(`${path}: ${e.message.replace(/^parseAnalysis: /, "")}`);
    throw e;
  }
};
