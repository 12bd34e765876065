import { EngineInputError } from "../../errors";
import type { Random } from "../../random";
import {
  correlatedNormalDraws,
  describeDraws,
  type MeasuredValue,
  type MonteCarloSummary,
} from "../../uncertainty";
import { normalisedWeights } from "./normalised-weights";

/** Options for {@link dimensionScoreMonteCarlo}. */
export interface DimensionScoreMonteCarloOptions {
  /** non-negative weights, one per score (scaled to sum 1); equal when absent */
  readonly weights?: readonly number[];
  /** correlation matrix of the scores; independent when absent */
  readonly correlation?: readonly (readonly number[])[];
  /** clamp each drawn score to [0, 100] before averaging (propagates the goalpost clamp) */
  readonly clamp?: boolean;
  /** number of draws */
  readonly draws: number;
  /** a seeded generator */
  readonly random: Random;
  /** coverage probability, default 0.95 */
  readonly coverage?: number;
}

/**
 * A dimension score by Monte Carlo (JCGM 101 §7), for correlated indicator scores or when
 * the clamp at the goalposts makes the model non-linear: draw the scores jointly from a
 * multivariate normal N(s, V), V_ij = u_i·u_j·r_ij (JCGM 101 §6.4.8), optionally clamp each
 * draw to [0, 100], take the weighted mean draw by draw, and summarise (§7.6–7.7).
 * Without clamping its u agrees with the GUM result of gumPropagate with the same correlation
 * (the model is linear), within Monte Carlo error.
 *
 * @param scores - indicator scores with standard uncertainties
 * @param options - weights, correlation, clamp, draws, random, coverage
 * @returns the Monte Carlo summary: estimate, u, both coverage intervals, draws
 * @throws EngineInputError when there are no scores, the weights or the correlation matrix
 *   are malformed, or draws is not a positive integer
 */
export function dimensionScoreMonteCarlo(
  scores: readonly MeasuredValue[],
  options: DimensionScoreMonteCarloOptions,
): MonteCarloSummary {
  const fn = "dimensionScoreMonteCarlo";
  const n = scores.length;
  if (n === 0) throw new EngineInputError(fn, "there must be at least one score");
  const w = normalisedWeights(n, options.weights, fn);
  const identity = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const draws = correlatedNormalDraws(
    {
      mean: scores.map((s) => s.value),
      sd: scores.map((s) => s.u),
      correlation: options.correlation ?? identity,
    },
    options.draws,
    options.random,
  );
  const out = new Float64Array(options.draws);
  draws.forEach((d, i) => {
    const wi = w[i]!;
    if (options.clamp) {
      for (let r = 0; r < out.length; r++) out[r] += wi * Math.min(100, Math.max(0, d[r]!));
    } else {
      for (let r = 0; r < out.length; r++) out[r] += wi * d[r]!;
    }
  });
  return describeDraws(out, options.coverage ?? 0.95);
}
