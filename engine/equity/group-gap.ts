import { EngineInputError } from "../errors";
import { changeBetweenPeriods } from "../followup/change-between-periods";
import type { MeasuredValue } from "../uncertainty";

/** A gap between two groups and whether it stands out from measurement noise. */
export interface GroupGap {
  /** Δ = a − b. */
  readonly gap: number;
  /** u(Δ) = √(u_a² + u_b² − 2·cov). */
  readonly u: number;
  /** E_n = |Δ| / (k·u(Δ)). */
  readonly en: number;
  /** The coverage factor, 2. */
  readonly k: number;
  /** E_n > 1: the gap is told apart from noise. */
  readonly significant: boolean;
}

/**
 * The gap between two groups' estimates with its standard uncertainty by the GUM law of propagation
 * for Δ = a − b (JCGM 100:2008, §5.2.2: u²(Δ) = u_a² + u_b² − 2·cov(a, b)) and the normalised error
 * E_n = |Δ| / (k·u(Δ)), k = 2 (ISO 13528:2015, §9.7; DESIGN §2). The arithmetic is that of a change
 * between periods, so this delegates to `changeBetweenPeriods` (b as the first, a as the second
 * value), keeping E_n in one place. With u(Δ) = 0, E_n is 0 for no gap and Infinity for any gap.
 * @param a - the first group's value and standard uncertainty
 * @param b - the second group's value and standard uncertainty
 * @param cov - their covariance (0 for independent samples); |cov| ≤ u_a·u_b
 * @returns gap, u, E_n, k and whether E_n > 1
 * @throws EngineInputError when a value or uncertainty is not finite, an uncertainty is negative, or
 *   |cov| exceeds u_a·u_b
 */
export function groupGap(a: MeasuredValue, b: MeasuredValue, cov = 0): GroupGap {
  let change;
  try {
    change = changeBetweenPeriods(b, a, cov);
  } catch (e) {
    if (!(e instanceof EngineInputError)) throw e;
    // Say it in this function's terms: first → b, second → a.
    const condition = e.message
      .replace(/^changeBetweenPeriods: /, "")
      .replace(/\bfirst\b/g, "b")
      .replace(/\bsecond\b/g, "a")
      .replace("u₁·u₂", "a.u · b.u");
    throw new EngineInputError("groupGap", condition);
  }
  return { gap: change.delta, u: change.u, en: change.en, k: change.k, significant: change.significant };
}
