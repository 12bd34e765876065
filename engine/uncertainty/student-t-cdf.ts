import { EngineInputError } from "../errors";
import { normalCdf } from "./normal-cdf";

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients, as in Press et al.,
// "Numerical Recipes", 3rd ed., §6.1): relative accuracy about 1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function lnGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lnGamma(1 - z);
  const w = z - 1;
  let x = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) x += LANCZOS[i]! / (w + i);
  const t = w + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(x);
}

/** Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), with y = 1 − x passed exactly to avoid cancellation. */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnFront = a * Math.log(x) + b * Math.log(y) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b));
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(y, b, a)) / b;
}

/**
 * The distribution function of Student's t with ν degrees of freedom (ν > 0, not necessarily
 * an integer, e.g. a Welch–Satterthwaite effective ν, JCGM 100 §G.4):
 * F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 and ½·I_{ν/(ν+t²)}(ν/2, ½) for t < 0
 * (Abramowitz & Stegun 26.7.1 with 26.5.27), the regularised incomplete beta by its continued
 * fraction (Numerical Recipes §6.4). ν = Infinity gives the normal distribution function.
 * Absolute accuracy against R's pt: about 1e-13 for ν ≤ 1000, 2e-11 at ν = 10⁵ (log-gamma cancellation).
 *
 * @param t - the argument
 * @param nu - degrees of freedom, > 0 (Infinity allowed)
 * @returns P(T ≤ t)
 * @throws EngineInputError when ν is not > 0
 */
export function studentTCdf(t: number, nu: number): number {
  if (!(nu > 0)) throw new EngineInputError("studentTCdf", "degrees of freedom ν must be > 0");
  if (Number.isNaN(t)) return NaN;
  if (nu === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  const tail = 0.5 * incompleteBeta(nu / (nu + t2), t2 / (nu + t2), nu / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
