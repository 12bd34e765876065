import { EngineInputError } from "../errors";

/** Mean, standard uncertainty and 95 % coverage interval of Monte Carlo draws. */
export interface DrawSummary {
  mean: number;
  u: number;
  interval: [number, number];
}

/**
 * Summarise draws as JCGM 101:2008 §7 does for an output quantity: the mean (§7.6), the
 * standard deviation with divisor M − 1 as its standard uncertainty, and the probabilistically
 * symmetric coverage interval (§7.7) between the order statistics y_(r) and y_(M+1−r) with
 * r = round(M (1 − p)/2), at least 1.
 * @param draws - M ≥ 2 finite values (not changed)
 * @param p - coverage probability, default 0.95
 * @returns the summary
 * @throws EngineInputError when there are fewer than two draws
 */
export function summariseDraws(draws: Float64Array, p = 0.95): DrawSummary {
  const m = draws.length;
  if (m < 2) throw new EngineInputError("summariseDraws", "needs at least two draws");
  let mean = 0;
  for (let t = 0; t < m; t++) mean += draws[t]!;
  mean /= m;
  let ss = 0;
  for (let t = 0; t < m; t++) ss += (draws[t]! - mean) ** 2;
  const sorted = Float64Array.from(draws).sort();
  const r = Math.max(1, Math.round((m * (1 - p)) / 2));
  return { mean, u: Math.sqrt(ss / (m - 1)), interval: [sorted[r - 1]!, sorted[m - r]!] };
}
