import { EngineInputError } from "../errors";

/** An estimate with its standard uncertainty. */
export interface ValueWithUncertainty {
  readonly value: number;
  readonly u: number;
}

/** A gap between two groups and whether it stands out from measurement noise. */
export interface GroupGap {
  /** Δ = a − b. */
  readonly gap: number;
  /** u(Δ) = √(u_a² + u_b² − 2·cov). */
  readonly u: number;
  /** E_n = |Δ| / (k·u(Δ)); above 1 the gap is told apart from noise. */
  readonly en: number;
  /** The coverage factor used. */
  readonly k: number;
}

/**
 * The gap between two groups' estimates with its standard uncertainty by the GUM law of propagation
 * for Δ = a − b (JCGM 100:2008, §5.2, eq. 13: u²(Δ) = u_a² + u_b² − 2·cov(a, b)) and the normalised
 * error E_n = |Δ| / (k·u(Δ)) with k = 2 (ISO 13528:2015, §9.7; DESIGN §2). With u(Δ) = 0, E_n is 0
 * for no gap and Infinity for any gap (an exact difference).
 * @param a - the first group's value and standard uncertainty
 * @param b - the second group's value and standard uncertainty
 * @param cov - their covariance (0 for independent samples); |cov| ≤ u_a·u_b
 * @param k - coverage factor, 2 unless stated
 * @returns gap, u, E_n and k
 * @throws EngineInputError when a value or uncertainty is not finite, an uncertainty is negative,
 *   |cov| exceeds u_a·u_b, or k is not > 0
 */
export function groupGap(a: ValueWithUncertainty, b: ValueWithUncertainty, cov = 0, k = 2): GroupGap {
  const fn = "groupGap";
  for (const [name, x] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (!Number.isFinite(x.value)) throw new EngineInputError(fn, `${name}.value must be finite`);
    if (!Number.isFinite(x.u) || x.u < 0) throw new EngineInputError(fn, `${name}.u must be finite and ≥ 0`);
  }
  if (!Number.isFinite(cov)) throw new EngineInputError(fn, "cov must be finite");
  // A little slack for a covariance computed as r·u_a·u_b with r = ±1.
  if (Math.abs(cov) > a.u * b.u * (1 + 1e-12)) {
    throw new EngineInputError(fn, "|cov| must not exceed a.u · b.u (a correlation beyond ±1)");
  }
  if (!Number.isFinite(k) || k <= 0) throw new EngineInputError(fn, "k must be a finite number > 0");
  const gap = a.value - b.value;
  const u = Math.sqrt(Math.max(0, a.u * a.u + b.u * b.u - 2 * cov));
  const en = u > 0 ? Math.abs(gap) / (k * u) : gap === 0 ? 0 : Infinity;
  return { gap, u, en, k };
}
