import { EngineInputError } from "../../errors";
import type { MeasuredValue } from "../../uncertainty";

/** Tolerance on Σ w = 1. */
const SUM_TOLERANCE = 1e-9;

/**
 * A segment's composite QoL score over dimensions, Q = Σ_d w_d·q_d with Σ w_d = 1 (DESIGN §3),
 * and its standard uncertainty for independent dimension scores by JCGM 100 §5.1.2 eq. 10:
 * u(Q) = √(Σ w_d²·u_d²). The weights define the composite: every dimension with a weight must
 * have a score; scores of dimensions without a weight do not enter it.
 *
 * @param scores - dimension id → score with its standard uncertainty
 * @param weights - dimension id → weight ≥ 0, summing to 1 (within 1e-9)
 * @returns {value, u}
 * @throws EngineInputError when a weight is negative or not finite, the weights do not sum to 1,
 *   a weighted dimension has no score, or a score is not finite
 */
export function compositeScore(
  scores: Readonly<Record<string, MeasuredValue>>,
  weights: Readonly<Record<string, number>>,
): MeasuredValue {
  const fn = "compositeScore";
  const ids = Object.keys(weights).sort();
  if (ids.length === 0) throw new EngineInputError(fn, "there must be at least one weight");
  let sum = 0;
  for (const id of ids) {
    const w = weights[id]!;
    if (!(Number.isFinite(w) && w >= 0))
      throw new EngineInputError(fn, `weight of "${id}" must be a finite number ≥ 0`);
    sum += w;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE)
    throw new EngineInputError(fn, `weights must sum to 1 (they sum to ${sum})`);
  let value = 0;
  let variance = 0;
  for (const id of ids) {
    const w = weights[id]!;
    const s = scores[id];
    if (!s) throw new EngineInputError(fn, `dimension "${id}" has a weight but no score`);
    if (!Number.isFinite(s.value)) throw new EngineInputError(fn, `score of "${id}" must be a finite number`);
    if (!(Number.isFinite(s.u) && s.u >= 0))
      throw new EngineInputError(fn, `u of "${id}" must be a finite number ≥ 0`);
    value += w * s.value;
    variance += (w * s.u) ** 2;
  }
  return { value, u: Math.sqrt(variance) };
}
