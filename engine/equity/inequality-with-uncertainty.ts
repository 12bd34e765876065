import { EngineInputError } from "../errors";
import { normalQuantile } from "../random/normal-quantile";
import type { Random } from "../random/rng";
import { describeDraws, type MonteCarloSummary } from "../uncertainty/describe-draws";
import { atkinson } from "./atkinson";
import { gini } from "./gini";
import { theil } from "./theil";

/** One group's value (e.g. a segment's composite QoL score) with its standard uncertainty and size. */
export interface GroupValue {
  readonly value: number;
  readonly u: number;
  readonly population: number;
}

/** Inequality measures between groups, each a Monte Carlo summary (estimate, u, 95 % intervals). */
export interface InequalityWithUncertainty {
  gini: MonteCarloSummary;
  atkinson: Record<string, MonteCarloSummary>;
  theil: MonteCarloSummary;
  /** The measures of the stated values themselves (no sampling), for comparison. */
  pointEstimates: { gini: number; atkinson: Record<string, number>; theil: number };
}

/**
 * Population-weighted inequality between groups — Gini (EU-SILC definition), Atkinson for each ε,
 * Theil T — with the measurement uncertainty of the group values propagated by Monte Carlo
 * (JCGM 101 §5–7): each draw samples every group value independently from N(value, u²), truncated
 * below at a small positive floor so that Atkinson and Theil stay defined, and computes the
 * measures; the summaries are over draws. The measures are non-linear, so the draws' mean can
 * differ from the measure of the stated values (reported as `pointEstimates`): noise in the
 * group values makes groups look more unequal than they are.
 *
 * @param groups - the groups' values (> 0), standard uncertainties (≥ 0) and populations (> 0)
 * @param options - draws (≥ 100), a seeded `random`, the Atkinson ε values (≥ 0)
 * @returns the measures with their uncertainty
 * @throws EngineInputError with fewer than two groups, a value ≤ 0, u < 0, population ≤ 0, too few draws
 */
export function inequalityWithUncertainty(
  groups: readonly GroupValue[],
  options: { draws: number; random: Random; epsilons?: readonly number[] },
): InequalityWithUncertainty {
  const fn = "inequalityWithUncertainty";
  const epsilons = options.epsilons ?? [0.5, 1, 2];
  if (groups.length < 2) throw new EngineInputError(fn, "at least two groups are needed");
  if (!Number.isInteger(options.draws) || options.draws < 100) {
    throw new EngineInputError(fn, "draws must be an integer ≥ 100");
  }
  groups.forEach((g, i) => {
    if (!(Number.isFinite(g.value) && g.value > 0))
      throw new EngineInputError(fn, `groups[${i}].value must be > 0`);
    if (!(Number.isFinite(g.u) && g.u >= 0)) throw new EngineInputError(fn, `groups[${i}].u must be ≥ 0`);
    if (!(Number.isFinite(g.population) && g.population > 0)) {
      throw new EngineInputError(fn, `groups[${i}].population must be > 0`);
    }
  });
  const weights = groups.map((g) => g.population);
  const floor = 1e-6 * Math.max(...groups.map((g) => g.value));
  const giniDraws = new Float64Array(options.draws);
  const theilDraws = new Float64Array(options.draws);
  const atkinsonDraws = epsilons.map(() => new Float64Array(options.draws));
  const values = new Array<number>(groups.length);
  for (let m = 0; m < options.draws; m++) {
    for (let s = 0; s < groups.length; s++) {
      const g = groups[s]!;
      values[s] = Math.max(floor, g.value + g.u * normalQuantile(options.random()));
    }
    giniDraws[m] = gini(values, weights);
    theilDraws[m] = theil(values, weights);
    epsilons.forEach((e, k) => (atkinsonDraws[k]![m] = atkinson(values, weights, e)));
  }
  const stated = groups.map((g) => g.value);
  return {
    gini: describeDraws(giniDraws),
    theil: describeDraws(theilDraws),
    atkinson: Object.fromEntries(epsilons.map((e, k) => [String(e), describeDraws(atkinsonDraws[k]!)])),
    pointEstimates: {
      gini: gini(stated, weights),
      theil: theil(stated, weights),
      atkinson: Object.fromEntries(epsilons.map((e) => [String(e), atkinson(stated, weights, e)])),
    },
  };
}
