import { EngineInputError } from "../errors";

/**
 * Expected value of perfect information over a choice of one option (Raiffa & Schlaifer,
 * "Applied Statistical Decision Theory", 1961; in health economics Claxton 1999):
 * EVPI = E_θ[max_i C_i(θ)] − max_i E_θ[C_i(θ)], estimated on shared Monte Carlo draws.
 * It is what a decision maker would at most gain, in the criterion's units, from knowing all
 * uncertain inputs before choosing. Never negative.
 *
 * @param criteria - per option, the criterion per draw (all of one length ≥ 1)
 * @returns the EVPI (0 for fewer than two options)
 * @throws EngineInputError when the arrays differ in length or hold a non-finite value
 */
export function evpi(criteria: readonly Float64Array[]): number {
  if (criteria.length < 2) return 0;
  const draws = criteria[0]!.length;
  if (criteria.some((c) => c.length !== draws) || draws === 0) {
    throw new EngineInputError("evpi", "every option needs the same positive number of draws");
  }
  let maxSum = 0;
  const sums = new Float64Array(criteria.length);
  for (let t = 0; t < draws; t++) {
    let best = -Infinity;
    for (let i = 0; i < criteria.length; i++) {
      const v = criteria[i]![t]!;
      if (!Number.isFinite(v)) throw new EngineInputError("evpi", "criterion draws must be finite");
      sums[i]! += v;
      if (v > best) best = v;
    }
    maxSum += best;
  }
  return Math.max(0, maxSum / draws - Math.max(...sums) / draws);
}
