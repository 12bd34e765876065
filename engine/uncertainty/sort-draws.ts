import { EngineInputError } from "../errors";

/**
 * A sorted copy of Monte Carlo draws: the discrete representation G of the distribution
 * function of the output quantity (JCGM 101 §7.5.1). The input is left untouched.
 *
 * @param draws - the model values y_1 … y_M
 * @returns a new Float64Array y_(1) ≤ … ≤ y_(M)
 * @throws EngineInputError when there are no draws or a draw is not finite
 */
export function sortDraws(draws: Float64Array): Float64Array {
  if (draws.length === 0) throw new EngineInputError("sortDraws", "there must be at least one draw");
  for (let i = 0; i < draws.length; i++) {
    if (!Number.isFinite(draws[i]!)) {
      throw new EngineInputError("sortDraws", `draw ${i} is not a finite number`);
    }
  }
  return Float64Array.from(draws).sort();
}
