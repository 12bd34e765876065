import { coverageInterval } from "./coverage-interval";
import { shortestCoverageInterval } from "./shortest-coverage-interval";
import { sortDraws } from "./sort-draws";
import { summariseDraws } from "./summarise-draws";

/** The JCGM 101 §7.6–7.7 summary of an output quantity's draws. */
export interface MonteCarloSummary {
  estimate: number;
  u: number;
  /** probabilistically symmetric coverage interval */
  interval: [number, number];
  /** shortest coverage interval */
  shortestInterval: [number, number];
  coverage: number;
  draws: number;
}

/**
 * The full JCGM 101 summary of Monte Carlo draws: estimate and standard uncertainty (§7.6),
 * probabilistically symmetric (§7.7.2) and shortest (§7.7.3) coverage intervals for
 * probability p, sorting the draws once.
 *
 * @param draws - the model values (left untouched)
 * @param p - the coverage probability, default 0.95
 * @returns {estimate, u, interval, shortestInterval, coverage, draws}
 * @throws EngineInputError when p is not in (0, 1), there are too few draws, or a draw is not finite
 */
export function describeDraws(draws: Float64Array, p = 0.95): MonteCarloSummary {
  const sorted = sortDraws(draws);
  const { estimate, u } = summariseDraws(draws);
  return {
    estimate,
    u,
    interval: coverageInterval(sorted, p, { sorted: true }),
    shortestInterval: shortestCoverageInterval(sorted, p, { sorted: true }),
    coverage: p,
    draws: draws.length,
  };
}
