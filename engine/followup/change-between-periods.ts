import { EngineInputError } from "../errors";
import type { MeasuredValue } from "../uncertainty";

/** Coverage factor for the normalised error (DESIGN §2). */
const K = 2;

/** A change between two periods and whether it stands out from the measurement noise. */
export interface PeriodChange {
  /** Δ = x₂ − x₁ */
  delta: number;
  /** u(Δ) = √(u₁² + u₂² − 2·cov) */
  u: number;
  /** normalised error E_n = |Δ| / (k·u(Δ)) */
  en: number;
  /** the coverage factor k = 2 */
  k: number;
  /** E_n > 1 */
  significant: boolean;
  /** "increase" or "decrease" when significant, else "no_significant_change" */
  verdict: "increase" | "decrease" | "no_significant_change";
}

/**
 * The change between two periods with its standard uncertainty, u(Δ)² = u₁² + u₂² − 2·cov
 * (JCGM 100 §5.2.2 eq. 16 for Δ = x₂ − x₁, c = (−1, +1)), and the normalised error
 * E_n = |Δ| / (k·u(Δ)) with k = 2 (ISO 13528:2015 §9.7 uses E_n with expanded uncertainties;
 * DESIGN §2): the change is told apart from noise when E_n > 1, i.e. when the k = 2 interval
 * of Δ excludes 0. With u(Δ) = 0, any non-zero Δ is significant (E_n = ∞) and Δ = 0 gives 0.
 *
 * @param first - the earlier period's value and standard uncertainty
 * @param second - the later period's value and standard uncertainty
 * @param cov - the covariance of the two estimates (e.g. from overlapping samples), default 0
 * @returns {delta, u, en, k, significant, verdict}
 * @throws EngineInputError when a number is not finite, a u is negative, or |cov| > u₁·u₂
 */
export function changeBetweenPeriods(first: MeasuredValue, second: MeasuredValue, cov = 0): PeriodChange {
  const fn = "changeBetweenPeriods";
  for (const [name, v] of [
    ["first", first],
    ["second", second],
  ] as const) {
    if (!Number.isFinite(v.value)) throw new EngineInputError(fn, `${name}.value must be a finite number`);
    if (!(Number.isFinite(v.u) && v.u >= 0))
      throw new EngineInputError(fn, `${name}.u must be a finite number ≥ 0`);
  }
  if (!Number.isFinite(cov)) throw new EngineInputError(fn, "cov must be a finite number");
  if (Math.abs(cov) > first.u * second.u * (1 + 1e-12)) {
    throw new EngineInputError(fn, "|cov| must not exceed u₁·u₂ (a correlation beyond ±1)");
  }
  const delta = second.value - first.value;
  const u = Math.sqrt(Math.max(0, first.u ** 2 + second.u ** 2 - 2 * cov));
  const en = u === 0 ? (delta === 0 ? 0 : Infinity) : Math.abs(delta) / (K * u);
  const significant = en > 1;
  return {
    delta,
    u,
    en,
    k: K,
    significant,
    verdict: !significant ? "no_significant_change" : delta > 0 ? "increase" : "decrease",
  };
}
