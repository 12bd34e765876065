import { EngineInputError } from "../errors";
import type { MeasuredValue } from "../uncertainty";
import type { TrendResult } from "./trend";

/**
 * The value of a fitted trend at time t with its standard uncertainty, from the fit's
 * covariance (JCGM 100 §5.2.2 for y = a + b·t, c = (1, t)):
 * u²(y) = u²(a) + t²·u²(b) + 2t·cov(a, b). Computed about the fit's t̄ as
 * u²(y) = u²(ȳ) + (t − t̄)²·u²(b), the same quantity without the cancellation of large t.
 * Beyond the observed periods this is an extrapolation that assumes the line holds.
 *
 * @param fit - a result of {@link trend}
 * @param t - the time to evaluate at (e.g. a target year)
 * @returns {value, u}
 * @throws EngineInputError when t is not finite
 */
export function projectTrend(fit: TrendResult, t: number): MeasuredValue {
  if (!Number.isFinite(t)) throw new EngineInputError("projectTrend", "t must be a finite number");
  const dt = t - fit.tMean;
  // u²(ȳ) at t̄ = u²(a) − t̄²·u²(b) (the level at t̄ is uncorrelated with the slope)
  const uLevel2 = Math.max(0, fit.uIntercept ** 2 - fit.tMean ** 2 * fit.uSlope ** 2);
  return {
    value: fit.intercept + fit.slope * t,
    u: Math.sqrt(uLevel2 + dt * dt * fit.uSlope ** 2),
  };
}
