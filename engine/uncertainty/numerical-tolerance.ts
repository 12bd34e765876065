import { EngineInputError } from "../errors";

/**
 * The numerical tolerance δ of a value z stated to ndig significant decimal digits
 * (JCGM 101 §7.9.2): write z = c × 10^ℓ with c an ndig-digit integer (z rounded to ndig
 * significant digits), then δ = ½ × 10^ℓ. For instance u = 0.028 with ndig = 2 gives
 * c = 28, ℓ = −3, δ = 0.0005.
 *
 * @param z - the value, e.g. a standard uncertainty (its sign is ignored; 0 gives δ = 0)
 * @param ndig - the number of significant decimal digits, a positive integer (usually 1 or 2)
 * @returns δ
 * @throws EngineInputError when z is not finite or ndig is not a positive integer
 */
export function numericalTolerance(z: number, ndig: number): number {
  if (!Number.isFinite(z)) throw new EngineInputError("numericalTolerance", "z must be a finite number");
  if (!Number.isInteger(ndig) || ndig < 1) {
    throw new EngineInputError("numericalTolerance", "ndig must be a positive integer");
  }
  const a = Math.abs(z);
  if (a === 0) return 0;
  let l = Math.floor(Math.log10(a)) - ndig + 1;
  // rounding to ndig digits can carry into one more digit (0.0999 → 0.10)
  if (Math.round(a / 10 ** l) >= 10 ** ndig) l += 1;
  // log10 can land an ulp below an exact power of ten
  if (Math.round(a / 10 ** l) < 10 ** (ndig - 1)) l -= 1;
  return 0.5 * 10 ** l;
}
