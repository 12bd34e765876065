import { DistSchema, normalQuantile, distMean, distSd, type Dist } from "../../../engine/random";

/*
 * The distribution picker's arithmetic, shared by the server render and the browser: form fields ↔
 * DESIGN §7 Dist, the density's shape as an SVG path, and a mean / sd / 95 % range summary.
 */

export const DIST_TYPES = ["exact", "normal", "uniform", "triangular", "lognormal", "pert"] as const;
export type DistType = (typeof DIST_TYPES)[number];
export type DistParam = "value" | "mean" | "sd" | "min" | "mode" | "max" | "median" | "gsd";

export const DIST_PARAMS: Record<DistType, readonly DistParam[]> = {
  exact: ["value"],
  normal: ["mean", "sd"],
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  lognormal: ["median", "gsd"],
  pert: ["min", "mode", "max"],
};

/** What a picker holds: the chosen type and each parameter's text as typed. */
export interface DistFields {
  type: DistType;
  params: Partial<Record<DistParam, string>>;
}

/** Message keys of the picker's own checks (the form translates them). */
export type DistErrorKey =
  | "pages.err.required"
  | "pages.err.number"
  | "pages.err.choice"
  | "dist.err.sd"
  | "dist.err.maxMin"
  | "dist.err.mode"
  | "dist.err.median"
  | "dist.err.gsd";

export function isDistType(x: string): x is DistType {
  return (DIST_TYPES as readonly string[]).includes(x);
}

/** The picker's fields for a stored distribution. */
export function fieldsFromDist(dist: Dist): DistFields {
  if (typeof dist === "number") return { type: "exact", params: { value: String(dist) } };
  const params: Partial<Record<DistParam, string>> = {};
  for (const p of DIST_PARAMS[dist.dist]) params[p] = String((dist as unknown as Record<string, number>)[p]);
  return { type: dist.dist, params };
}

/** A number typed with a decimal point or comma (Swedish), or null. */
export function parseDecimal(text: string | undefined): number | null {
  const s = (text ?? "").trim().replace(/\s/g, "").replace(",", ".").replace("−", "-");
  if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * The distribution the fields describe, checked first with messages per parameter and then by
 * DistSchema (the engine's definition, DESIGN §7), or the errors by parameter.
 */
export function distFromFields(
  fields: DistFields,
): { dist: Dist; errors: null } | { dist: null; errors: Partial<Record<DistParam | "type", DistErrorKey>> } {
  if (!isDistType(fields.type)) return { dist: null, errors: { type: "pages.err.choice" } };
  const errors: Partial<Record<DistParam, DistErrorKey>> = {};
  const v: Partial<Record<DistParam, number>> = {};
  for (const p of DIST_PARAMS[fields.type]) {
    const text = fields.params[p];
    const x = parseDecimal(text);
    if (x === null) errors[p] = (text ?? "").trim() === "" ? "pages.err.required" : "pages.err.number";
    else v[p] = x;
  }
  if (Object.keys(errors).length > 0) return { dist: null, errors };
  const n = v as Record<DistParam, number>;
  let candidate: unknown;
  switch (fields.type) {
    case "exact":
      candidate = n.value;
      break;
    case "normal":
      if (n.sd < 0) errors.sd = "dist.err.sd";
      candidate = { dist: "normal", mean: n.mean, sd: n.sd };
      break;
    case "uniform":
      if (n.max < n.min) errors.max = "dist.err.maxMin";
      candidate = { dist: "uniform", min: n.min, max: n.max };
      break;
    case "triangular":
    case "pert":
      if (n.max < n.min) errors.max = "dist.err.maxMin";
      else if (n.mode < n.min || n.mode > n.max) errors.mode = "dist.err.mode";
      candidate = { dist: fields.type, min: n.min, mode: n.mode, max: n.max };
      break;
    case "lognormal":
      if (!(n.median > 0)) errors.median = "dist.err.median";
      if (!(n.gsd >= 1)) errors.gsd = "dist.err.gsd";
      candidate = { dist: "lognormal", median: n.median, gsd: n.gsd };
      break;
  }
  if (Object.keys(errors).length > 0) return { dist: null, errors };
  const parsed = DistSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = DIST_PARAMS[fields.type][0]!;
    return { dist: null, errors: { [first]: "pages.err.number" } };
  }
  return { dist: parsed.data, errors: null };
}

function pertShape(min: number, mode: number, max: number) {
  const range = max - min;
  return { alpha: 1 + (4 * (mode - min)) / range, beta: 1 + (4 * (max - mode)) / range };
}

/** The density up to a constant factor (only its shape is drawn), or null for a point mass. */
function shape(dist: Dist): { lo: number; hi: number; f: (x: number) => number } | null {
  if (typeof dist === "number") return null;
  switch (dist.dist) {
    case "normal":
      if (dist.sd === 0) return null;
      return {
        lo: dist.mean - 4 * dist.sd,
        hi: dist.mean + 4 * dist.sd,
        f: (x) => Math.exp(-0.5 * ((x - dist.mean) / dist.sd) ** 2),
      };
    case "uniform": {
      const w = dist.max - dist.min;
      if (w === 0) return null;
      return {
        lo: dist.min - 0.1 * w,
        hi: dist.max + 0.1 * w,
        f: (x) => (x >= dist.min && x <= dist.max ? 1 : 0),
      };
    }
    case "triangular": {
      const { min: a, mode: c, max: b } = dist;
      if (b === a) return null;
      const pad = 0.05 * (b - a);
      return {
        lo: a - pad,
        hi: b + pad,
        f: (x) =>
          x < a || x > b ? 0 : x <= c ? (c === a ? 1 : (x - a) / (c - a)) : c === b ? 1 : (b - x) / (b - c),
      };
    }
    case "lognormal": {
      const s = Math.log(dist.gsd);
      if (s === 0) return null;
      const mu = Math.log(dist.median);
      return {
        lo: 0,
        hi: dist.median * Math.exp(3.5 * s),
        f: (x) => (x <= 0 ? 0 : Math.exp(-((Math.log(x) - mu) ** 2) / (2 * s * s)) / x),
      };
    }
    case "pert": {
      const { min: a, mode: c, max: b } = dist;
      if (b === a) return null;
      const { alpha, beta } = pertShape(a, c, b);
      const pad = 0.05 * (b - a);
      return {
        lo: a - pad,
        hi: b + pad,
        f: (x) =>
          x < a || x > b ? 0 : ((x - a) / (b - a)) ** (alpha - 1) * ((b - x) / (b - a)) ** (beta - 1),
      };
    }
  }
}

/** 2.5 % and 97.5 % quantiles: closed forms, and for PERT the numerically integrated beta CDF. */
function range95(dist: Dist): [number, number] {
  if (typeof dist === "number") return [dist, dist];
  const q = [0.025, 0.975] as const;
  switch (dist.dist) {
    case "normal":
      return [dist.mean + dist.sd * normalQuantile(q[0]), dist.mean + dist.sd * normalQuantile(q[1])];
    case "uniform":
      return [dist.min + q[0] * (dist.max - dist.min), dist.min + q[1] * (dist.max - dist.min)];
    case "triangular": {
      const { min: a, mode: c, max: b } = dist;
      const w = b - a;
      const fc = w === 0 ? 0 : (c - a) / w;
      const inv = (u: number) =>
        u < fc ? a + Math.sqrt(u * w * (c - a)) : b - Math.sqrt((1 - u) * w * (b - c));
      return [inv(q[0]), inv(q[1])];
    }
    case "lognormal": {
      const s = Math.log(dist.gsd);
      return [
        dist.median * Math.exp(s * normalQuantile(q[0])),
        dist.median * Math.exp(s * normalQuantile(q[1])),
      ];
    }
    case "pert": {
      const { min: a, mode: c, max: b } = dist;
      if (b === a) return [a, a];
      const { alpha, beta } = pertShape(a, c, b);
      const n = 4000;
      const cdf = new Float64Array(n + 1);
      const g = (t: number) => t ** (alpha - 1) * (1 - t) ** (beta - 1);
      for (let i = 1; i <= n; i++) cdf[i] = cdf[i - 1]! + (g((i - 1) / n) + g(i / n)) / (2 * n);
      const total = cdf[n]!;
      const at = (p: number) => {
        let i = 1;
        while (i < n && cdf[i]! / total < p) i++;
        const lo = cdf[i - 1]! / total;
        const hi = cdf[i]! / total;
        const t = (i - 1 + (hi > lo ? (p - lo) / (hi - lo) : 0)) / n;
        return a + t * (b - a);
      };
      return [at(q[0]), at(q[1])];
    }
  }
}

/** Mean, standard deviation and the central 95 % range of a distribution. */
export function distSummary(dist: Dist): { mean: number; sd: number; lo: number; hi: number } {
  const [lo, hi] = range95(dist);
  return { mean: distMean(dist), sd: distSd(dist), lo, hi };
}

/**
 * The density drawn into a width × height box as an SVG path (closed along the baseline), with the
 * x range it covers; a point mass is a single spike in the middle.
 */
export function densityPath(
  dist: Dist,
  width: number,
  height: number,
  points = 80,
): { d: string; lo: number; hi: number } {
  const s = shape(dist);
  if (!s) {
    const x0 = typeof dist === "number" ? dist : distMean(dist);
    const mid = (width / 2).toFixed(1);
    return { d: `M${mid},${height} L${mid},2`, lo: x0, hi: x0 };
  }
  const ys: number[] = [];
  for (let i = 0; i <= points; i++) ys.push(s.f(s.lo + ((s.hi - s.lo) * i) / points));
  const top = Math.max(...ys.filter(Number.isFinite), 1e-300);
  const parts = ys.map((y, i) => {
    const px = (width * i) / points;
    const py = height - (Number.isFinite(y) ? Math.min(y / top, 1) : 1) * (height - 2);
    return `${px.toFixed(1)},${py.toFixed(1)}`;
  });
  return { d: `M0,${height} L${parts.join(" L")} L${width},${height} Z`, lo: s.lo, hi: s.hi };
}
