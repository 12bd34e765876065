import { EngineInputError } from "../errors";
import { populationShares } from "./population-shares";

/**
 * The Gini coefficient by the EU-SILC weighted definition (Eurostat, "Methodological guidelines and
 * description of EU-SILC target variables", DocSILC065, Gini coefficient; as R's `laeken::gini`
 * computes it, Alfons & Templ, J. Stat. Softw. 54(15), 2013, §3.5): with values sorted ascending,
 * weights w_i and cumulative weights W_i = Σ_{j≤i} w_j,
 *
 *   G = (2·Σ_i w_i x_i W_i − Σ_i w_i² x_i) / (Σ_i w_i · Σ_i w_i x_i) − 1.
 *
 * Without weights this is the classic mean-absolute-difference Gini Σ_i Σ_j |x_i − x_j| / (2n²μ).
 * Ties need no rule: the formula gives the same for any order among equal values. Negative values are
 * allowed (then G may exceed 1), as in laeken.
 * @param values - incomes or scores
 * @param weights - optional weights (≥ 0); equal weights without them
 * @returns G as a fraction in 0..1 (laeken reports 100·G)
 * @throws EngineInputError on empty or non-finite input, bad weights, or a weighted total Σ w x ≤ 0
 */
export function gini(values: readonly number[], weights?: readonly number[]): number {
  const p = populationShares("gini", values, weights);
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  let cum = 0;
  let sumPxCum = 0;
  let sumP2x = 0;
  let sumPx = 0;
  for (const i of order) {
    const x = values[i]!;
    const pi = p[i]!;
    cum += pi;
    sumPxCum += pi * x * cum;
    sumP2x += pi * pi * x;
    sumPx += pi * x;
  }
  if (!(sumPx > 0)) throw new EngineInputError("gini", "the weighted total of the values must be > 0");
  return (2 * sumPxCum - sumP2x) / sumPx - 1;
}
