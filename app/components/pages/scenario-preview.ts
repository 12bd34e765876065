import { equallyDistributedEquivalent } from "../../../engine/equity";
import { compositeScore, coverage95 } from "../../../engine/measurement/profile";

/*
 * The scenario editor's live preview, computed the same way on the server (on "preview") and in
 * the browser (as sliders move): composites Q_s = Σ w_d·q_{s,d} with Σ w = 1 over the dimensions
 * every profile has (DESIGN §3; u by JCGM 100 §5.1.2), and Atkinson's EDE over the segments.
 */

export interface ProfileScore {
  value: number;
  u: number;
}

export interface PreviewInput {
  /** Dimensions with a score for the area and every segment (the composite's domain). */
  dimensions: { id: string; label: string }[];
  area: { label: string; scores: Record<string, ProfileScore> };
  segments: { id: string; label: string; population: number; scores: Record<string, ProfileScore> }[];
}

export interface CompositeRow {
  id: string;
  label: string;
  population: number | null;
  value: number;
  u: number;
  interval: [number, number];
}

export interface EdeRow {
  epsilon: number;
  /** null when undefined (a composite ≤ 0 with ε > 0). */
  ede: number | null;
  atkinson: number | null;
  /** How many points to the best-off segment one point to the worst-off is worth: (Q_best/Q_worst)^ε. */
  ratio: number | null;
}

export interface Preview {
  rows: CompositeRow[];
  ede: EdeRow[];
  worst: string | null;
  best: string | null;
}

/** Slider ranges of the scenario editor: weights 0..WEIGHT_MAX, ε 0..EPSILON_MAX. */
export const WEIGHT_MAX = 10;
export const EPSILON_MAX = 5;

/** The ε values whose EDE is always shown beside the scenario's own. */
export const EDE_EPSILONS = [0, 0.5, 1, 2] as const;

/** Weights scaled to shares over the given dimensions, or null when they sum to 0. */
export function shares(
  weights: Record<string, number>,
  dims: readonly string[],
): Record<string, number> | null {
  const total = dims.reduce((s, d) => s + Math.max(0, weights[d] ?? 0), 0);
  if (!(total > 0)) return null;
  return Object.fromEntries(dims.map((d) => [d, Math.max(0, weights[d] ?? 0) / total]));
}

/** Composites for the area and each segment, and EDE at the standard ε values and at `epsilon`. */
export function computePreview(
  input: PreviewInput,
  weights: Record<string, number>,
  epsilon: number,
): Preview | null {
  const dims = input.dimensions.map((d) => d.id);
  const w = dims.length > 0 ? shares(weights, dims) : null;
  if (!w) return null;
  const row = (
    id: string,
    label: string,
    population: number | null,
    scores: Record<string, ProfileScore>,
  ) => {
    const q = compositeScore(scores, w);
    return { id, label, population, value: q.value, u: q.u, interval: coverage95(q.value, q.u) };
  };
  const segmentRows = input.segments.map((s) => row(s.id, s.label, s.population, s.scores));
  const rows = [row("area", input.area.label, null, input.area.scores), ...segmentRows];
  const values = segmentRows.map((r) => r.value);
  const pops = segmentRows.map((r) => r.population ?? 0);
  const epsilons = [...new Set([...EDE_EPSILONS, epsilon])].sort((a, b) => a - b);
  let worst: CompositeRow | null = null;
  let best: CompositeRow | null = null;
  for (const r of segmentRows) {
    if (!worst || r.value < worst.value) worst = r;
    if (!best || r.value > best.value) best = r;
  }
  const mean = values.length > 0 ? equallyDistributedEquivalent(values, pops, 0) : null;
  const ede: EdeRow[] = epsilons.map((e) => {
    if (values.length === 0 || mean === null) return { epsilon: e, ede: null, atkinson: null, ratio: null };
    if (e > 0 && values.some((v) => !(v > 0))) return { epsilon: e, ede: null, atkinson: null, ratio: null };
    const x = equallyDistributedEquivalent(values, pops, e);
    return {
      epsilon: e,
      ede: x,
      atkinson: mean > 0 ? 1 - x / mean : null,
      ratio: worst && best && worst.value > 0 ? (best.value / worst.value) ** e : null,
    };
  });
  return { rows, ede, worst: worst?.label ?? null, best: best?.label ?? null };
}
