/*
 * The fuzz tests' fixed seed and run count. Failures print fast-check's seed, path and counterexample;
 * FUZZ_SEED and FUZZ_RUNS (environment) let a person explore further without editing the tests.
 */

/** fast-check options: a fixed seed (or FUZZ_SEED) and `runs` cases (or FUZZ_RUNS). */
export function fuzzOptions(seed: number, runs: number): { seed: number; numRuns: number } {
  const envSeed = process.env.FUZZ_SEED;
  const envRuns = process.env.FUZZ_RUNS;
  return {
    seed: envSeed !== undefined ? Number(envSeed) : seed,
    numRuns: envRuns !== undefined ? Number(envRuns) : runs,
  };
}
