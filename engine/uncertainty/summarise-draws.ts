import { EngineInputError } from "../errors";

/** The estimate and standard uncertainty of an output quantity from its Monte Carlo draws. */
export interface DrawSummary {
  /** the average ỹ of the draws */
  estimate: number;
  /** the standard deviation of the draws, the standard uncertainty u(ỹ) */
  u: number;
  /** the number of draws M */
  draws: number;
}

/**
 * Summarise Monte Carlo draws (JCGM 101 §7.6): the estimate is the average
 * ỹ = (1/M) Σ y_r and its standard uncertainty u(ỹ) = √( Σ (y_r − ỹ)² / (M − 1) ),
 * computed in two passes for numerical accuracy. A single draw has u = 0.
 *
 * @param draws - the model values y_1 … y_M
 * @returns {estimate, u, draws}
 * @throws EngineInputError when there are no draws or a draw is not finite
 */
export function summariseDraws(draws: Float64Array): DrawSummary {
  const m = draws.length;
  if (m === 0) throw new EngineInputError("summariseDraws", "there must be at least one draw");
  let sum = 0;
  for (let i = 0; i < m; i++) sum += draws[i]!;
  const mean = sum / m;
  if (!Number.isFinite(mean)) {
    throw new EngineInputError("summariseDraws", "every draw must be a finite number");
  }
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const d = draws[i]! - mean;
    ss += d * d;
  }
  if (!Number.isFinite(ss))
    throw new EngineInputError("summariseDraws", "every draw must be a finite number");
  return { estimate: mean, u: m > 1 ? Math.sqrt(ss / (m - 1)) : 0, draws: m };
}
