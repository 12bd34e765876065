import { z } from "zod";
import { EngineInputError } from "../errors";
import { normalQuantile } from "./normal-quantile";
import type { Random } from "./rng";

const finite = z.number().refine(Number.isFinite, "must be a finite number");

/** A probability distribution of an uncertain input (DESIGN §7 `Dist`). A bare number is exact. */
export const DistSchema = z.union([
  finite,
  z.strictObject({ dist: z.literal("normal"), mean: finite, sd: finite.min(0, "must be ≥ 0") }),
  z
    .strictObject({ dist: z.literal("uniform"), min: finite, max: finite })
    .refine((d) => d.max >= d.min, { message: "max must be ≥ min", path: ["max"] }),
  z
    .strictObject({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, {
      message: "must satisfy min ≤ mode ≤ max",
      path: ["mode"],
    }),
  z.strictObject({
    dist: z.literal("lognormal"),
    median: finite.refine((v) => v > 0, "must be > 0"),
    gsd: finite.refine((v) => v >= 1, "must be ≥ 1"),
  }),
  z
    .strictObject({ dist: z.literal("pert"), min: finite, mode: finite, max: finite })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, {
      message: "must satisfy min ≤ mode ≤ max",
      path: ["mode"],
    }),
]);
export type Dist = z.infer<typeof DistSchema>;

/**
 * The expectation of a distribution (closed forms: lognormal median·exp(ln²gsd / 2);
 * PERT (min + 4·mode + max)/6, Vose, "Risk Analysis", 3rd ed., §III.4).
 * @param dist - the distribution
 * @returns its mean
 */
export function distMean(dist: Dist): number {
  if (typeof dist === "number") return dist;
  switch (dist.dist) {
    case "normal":
      return dist.mean;
    case "uniform":
      return (dist.min + dist.max) / 2;
    case "triangular":
      return (dist.min + dist.mode + dist.max) / 3;
    case "lognormal": {
      const s = Math.log(dist.gsd);
      return dist.median * Math.exp((s * s) / 2);
    }
    case "pert":
      return (dist.min + 4 * dist.mode + dist.max) / 6;
  }
}

/**
 * The standard deviation of a distribution, in closed form (uniform (b−a)/√12; triangular
 * √((a²+b²+c²−ab−ac−bc)/18); lognormal m·√((e^{s²}−1)e^{s²}); PERT via its beta parameters).
 * @param dist - the distribution
 * @returns its standard deviation
 */
export function distSd(dist: Dist): number {
  if (typeof dist === "number") return 0;
  switch (dist.dist) {
    case "normal":
      return dist.sd;
    case "uniform":
      return (dist.max - dist.min) / Math.sqrt(12);
    case "triangular": {
      const { min: a, mode: c, max: b } = dist;
      return Math.sqrt(Math.max(0, (a * a + b * b + c * c - a * b - a * c - b * c) / 18));
    }
    case "lognormal": {
      const s2 = Math.log(dist.gsd) ** 2;
      return dist.median * Math.sqrt((Math.exp(s2) - 1) * Math.exp(s2));
    }
    case "pert": {
      const range = dist.max - dist.min;
      if (range === 0) return 0;
      const { alpha, beta } = pertShape(dist.min, dist.mode, dist.max);
      return range * Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
    }
  }
}

function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const range = max - min;
  return { alpha: 1 + (4 * (mode - min)) / range, beta: 1 + (4 * (max - mode)) / range };
}

/**
 * Draw from Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000; shape < 1 by the boost Gamma(shape+1)·U^{1/shape}.
 */
function gammaDraw(shape: number, random: Random): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(random());
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Draw `draws` values of a distribution from a seeded generator, into one Float64Array.
 * Continuous distributions other than PERT use exactly one uniform per draw (inverse CDF),
 * so the same generator state gives the same draws; PERT uses beta = G₁/(G₁+G₂) with
 * gamma variates (a variable number of uniforms, still deterministic for a seed).
 *
 * @param dist - the distribution ({@link DistSchema})
 * @param draws - how many values, a positive integer
 * @param random - a seeded generator ({@link createRandom})
 * @returns the draws
 * @throws EngineInputError when draws is not a positive integer
 */
export function sampleDist(dist: Dist, draws: number, random: Random): Float64Array {
  if (!Number.isInteger(draws) || draws < 1) {
    throw new EngineInputError("sampleDist", "draws must be a positive integer");
  }
  const out = new Float64Array(draws);
  if (typeof dist === "number") return out.fill(dist);
  switch (dist.dist) {
    case "normal":
      for (let i = 0; i < draws; i++) out[i] = dist.mean + dist.sd * normalQuantile(random());
      return out;
    case "uniform": {
      const w = dist.max - dist.min;
      for (let i = 0; i < draws; i++) out[i] = dist.min + w * random();
      return out;
    }
    case "triangular": {
      const { min: a, mode: c, max: b } = dist;
      const w = b - a;
      const fc = w === 0 ? 0 : (c - a) / w;
      for (let i = 0; i < draws; i++) {
        const u = random();
        out[i] = u < fc ? a + Math.sqrt(u * w * (c - a)) : b - Math.sqrt((1 - u) * w * (b - c));
      }
      return out;
    }
    case "lognormal": {
      const s = Math.log(dist.gsd);
      for (let i = 0; i < draws; i++) out[i] = dist.median * Math.exp(s * normalQuantile(random()));
      return out;
    }
    case "pert": {
      const w = dist.max - dist.min;
      if (w === 0) return out.fill(dist.min);
      const { alpha, beta } = pertShape(dist.min, dist.mode, dist.max);
      for (let i = 0; i < draws; i++) {
        const g1 = gammaDraw(alpha, random);
        const g2 = gammaDraw(beta, random);
        out[i] = dist.min + (w * g1) / (g1 + g2);
      }
      return out;
    }
  }
}
