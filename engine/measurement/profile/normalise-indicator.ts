import { EngineInputError } from "../../errors";

/** An indicator's goalposts (data, per indicator) and which way is better. */
export interface Goalposts {
  /** the value that scores 0 when higher is better (100 when lower is better) */
  readonly lo: number;
  /** the value that scores 100 when higher is better (0 when lower is better); hi > lo */
  readonly hi: number;
  /** "higher" when a higher value is better, "lower" when a lower value is better */
  readonly direction: "higher" | "lower";
}

/** A normalised score with its standard uncertainty. */
export interface NormalisedScore {
  /** the score, clamped to [0, 100] unless `clamp: false` */
  value: number;
  /** the standard uncertainty on the score scale, 100·u/(hi − lo), never clamped */
  u: number;
  /** the unclamped score, which may lie outside [0, 100] */
  raw: number;
  /** which goalpost the value lay beyond ("below" 0 or "above" 100), or null */
  clamped: "below" | "above" | null;
}

/**
 * Normalise an indicator value to a 0–100 score between goalposts (DESIGN §2; the min–max
 * "goalpost" method of the OECD/JRC Handbook on Constructing Composite Indicators, 2008, §5.2):
 * higher is better: s = 100·(x − lo)/(hi − lo); lower is better: s = 100·(hi − x)/(hi − lo).
 * The map is linear, so the standard uncertainty scales by |∂s/∂x| = 100/(hi − lo)
 * (JCGM 100 §5.1.2).
 *
 * Clamp policy: a value beyond a goalpost gets the score 0 or 100 (`clamp: false` keeps it),
 * `clamped` says which side, `raw` keeps the unclamped score, and the uncertainty is *not*
 * clamped or shrunk: it is still the measurement's uncertainty on the score scale. Averaging
 * clamped scores is biased near the goalposts; {@link dimensionScoreMonteCarlo} with
 * `clamp: true` propagates the clamping itself draw by draw.
 *
 * @param x - the indicator value
 * @param u - its standard uncertainty, ≥ 0
 * @param goalposts - lo < hi in the indicator's unit, and the direction
 * @param options - `clamp` (default true)
 * @returns {value, u, raw, clamped}
 * @throws EngineInputError when a number is not finite, u < 0, or hi ≤ lo
 */
export function normaliseIndicator(
  x: number,
  u: number,
  goalposts: Goalposts,
  options: { clamp?: boolean } = {},
): NormalisedScore {
  const fn = "normaliseIndicator";
  const { lo, hi, direction } = goalposts;
  if (!Number.isFinite(x)) throw new EngineInputError(fn, "x must be a finite number");
  if (!(Number.isFinite(u) && u >= 0)) throw new EngineInputError(fn, "u must be a finite number ≥ 0");
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new EngineInputError(fn, "goalposts must be finite with hi > lo");
  }
  if (direction !== "higher" && direction !== "lower") {
    throw new EngineInputError(fn, 'direction must be "higher" or "lower"');
  }
  const range = hi - lo;
  const raw = direction === "higher" ? (100 * (x - lo)) / range : (100 * (hi - x)) / range;
  const scaledU = (100 * u) / range;
  const clamp = options.clamp ?? true;
  const clamped = raw < 0 ? "below" : raw > 100 ? "above" : null;
  const value = clamp ? Math.min(100, Math.max(0, raw)) : raw;
  return { value, u: scaledU, raw, clamped };
}
