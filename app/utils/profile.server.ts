import { suppressSmallCells } from "../../engine/disclosure";
import { groupGap, inequalityWithUncertainty, type InequalityWithUncertainty } from "../../engine/equity";
import {
  compositeScore,
  coverage95,
  dimensionScore,
  normaliseIndicator,
} from "../../engine/measurement/profile";
import { createRandom } from "../../engine/random";
import type { AreaProfileData, ProfileObservation } from "../../db/repositories/profile-repository";
import { areaLabel, groupLabel } from "./group-names";
import { indicatorLabel } from "./indicator-names";

export interface ScoreView {
  value: number;
  /** Standard uncertainty; null when an input's uncertainty is not stated (then no interval is shown). */
  u: number | null;
  interval: [number, number] | null;
}

export interface IndicatorView {
  id: string;
  label: string;
  unit: string;
  value: number;
  u: number | null;
  score: ScoreView;
  period: string;
  source: string;
  retrieved: string;
  synthetic: boolean;
  note: string | null;
}

export interface DimensionView {
  id: string;
  label: string;
  kind: "current" | "capital";
  score: ScoreView | null;
  indicators: IndicatorView[];
}

export interface SegmentView {
  id: string;
  groupCode: string;
  label: string;
  population: number;
  scores: Record<string, ScoreView | null>;
  synthetic: boolean;
}

export interface AreaProfileView {
  area: { id: string; name: string };
  dimensions: DimensionView[];
  segments: SegmentView[];
}

/** The k = 2 interval, cut to the 0–100 score scale a score cannot leave. */
function interval(value: number, u: number): [number, number] {
  const [lo, hi] = coverage95(value, u);
  return [Math.max(0, lo), Math.min(100, hi)];
}

function indicatorScore(o: ProfileObservation): ScoreView | null {
  if (o.goalLo === null || o.goalHi === null) return null;
  const s = normaliseIndicator(o.value, o.u ?? 0, { lo: o.goalLo, hi: o.goalHi, direction: o.direction });
  const u = o.u === null ? null : s.u;
  return { value: s.value, u, interval: u === null ? null : interval(s.value, u) };
}

function combine(scores: ScoreView[]): ScoreView | null {
  if (scores.length === 0) return null;
  const known = scores.every((s) => s.u !== null);
  const q = dimensionScore(scores.map((s) => ({ value: s.value, u: s.u ?? 0 })));
  return { value: q.value, u: known ? q.u : null, interval: known ? interval(q.value, q.u) : null };
}

/**
 * The overview's numbers: each indicator normalised against its goalposts, dimension scores as the
 * equally weighted mean of their indicators with GUM uncertainty (engine/measurement/profile).
 */
export function buildAreaProfile(data: AreaProfileData, locale: "sv" | "en"): AreaProfileView {
  // DESIGN §2: a figure resting on fewer respondents than the disclosure threshold is shown
  // nowhere, so no indicator row or score is built from it either (n unknown: not a sample)
  const observations = data.observations.filter(
    (o) => o.n === null || !suppressSmallCells([{ n: o.n }], { fields: [] })[0]!.suppressed,
  );
  const areaLevel = observations.filter((o) => o.groupCode === null);
  const dimensions: DimensionView[] = data.dimensions.map((d) => {
    const indicators: IndicatorView[] = [];
    for (const o of areaLevel.filter((x) => x.dimensionId === d.id)) {
      const score = indicatorScore(o);
      if (!score) continue;
      indicators.push({
        id: o.indicatorId,
        label: indicatorLabel(o.indicatorId, o.indicatorLabel, locale),
        unit: o.unit,
        value: o.value,
        u: o.u,
        score,
        period: o.period,
        source: o.source,
        retrieved: o.retrieved,
        synthetic: o.synthetic,
        note: o.datasetNote,
      });
    }
    return {
      id: d.id,
      label: locale === "en" ? d.labelEn : d.labelSv,
      kind: d.kind,
      score: combine(indicators.map((i) => i.score)),
      indicators,
    };
  });
  const segments: SegmentView[] = data.segments.map((s) => {
    const own = observations.filter((o) => o.groupCode === s.groupCode);
    const scores: Record<string, ScoreView | null> = {};
    for (const d of data.dimensions) {
      const list = own
        .filter((o) => o.dimensionId === d.id)
        .map(indicatorScore)
        .filter((x): x is ScoreView => x !== null);
      scores[d.id] = combine(list);
    }
    return {
      id: s.id,
      groupCode: s.groupCode,
      label: groupLabel(s.groupCode, s.groupLabel, locale),
      population: s.population,
      scores,
      synthetic: own.some((o) => o.synthetic),
    };
  });
  return {
    area: { ...data.area, name: areaLabel(data.area.id, data.area.name, locale) },
    dimensions,
    segments,
  };
}

export interface CompositeRow {
  id: string;
  label: string;
  population: number;
  composite: ScoreView;
  synthetic: boolean;
}

export interface EquityView {
  /** Dimensions in the composite: those every row has a score with a stated uncertainty for. */
  dimensions: string[];
  rows: CompositeRow[];
  inequality: InequalityWithUncertainty | null;
  gap: { best: string; worst: string; gap: number; u: number; en: number; significant: boolean } | null;
  draws: number;
  seed: number;
}

/** Seed and draws of the overview's Monte Carlo, stated on the page so the figures can be reproduced. */
export const OVERVIEW_SEED = 1283;
export const OVERVIEW_DRAWS = 4000;

/**
 * Equally weighted composites of rows (segments or districts) over the dimensions they all have,
 * the population-weighted inequality between them with propagated uncertainty, and the gap between
 * the best and the worst row with its E_n.
 */
export function buildEquity(
  rows: {
    id: string;
    label: string;
    population: number;
    scores: Record<string, ScoreView | null>;
    synthetic: boolean;
  }[],
  dimensionIds: string[],
): EquityView {
  const common = dimensionIds.filter((d) => rows.length > 0 && rows.every((r) => r.scores[d]?.u != null));
  const empty = {
    dimensions: common,
    rows: [],
    inequality: null,
    gap: null,
    draws: OVERVIEW_DRAWS,
    seed: OVERVIEW_SEED,
  };
  if (common.length === 0 || rows.length < 2) return empty;
  const weights = Object.fromEntries(common.map((d) => [d, 1 / common.length]));
  const composites: CompositeRow[] = rows.map((r) => {
    const q = compositeScore(
      Object.fromEntries(common.map((d) => [d, { value: r.scores[d]!.value, u: r.scores[d]!.u! }])),
      weights,
    );
    return {
      id: r.id,
      label: r.label,
      population: r.population,
      composite: { value: q.value, u: q.u, interval: interval(q.value, q.u) },
      synthetic: r.synthetic,
    };
  });
  const usable = composites.filter((c) => c.population > 0 && c.composite.value > 0);
  const inequality =
    usable.length >= 2
      ? inequalityWithUncertainty(
          usable.map((c) => ({ value: c.composite.value, u: c.composite.u!, population: c.population })),
          { draws: OVERVIEW_DRAWS, random: createRandom(OVERVIEW_SEED), epsilons: [0.5, 1, 2] },
        )
      : null;
  const sorted = [...composites].sort((a, b) => b.composite.value - a.composite.value);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const g = groupGap(
    { value: best.composite.value, u: best.composite.u! },
    { value: worst.composite.value, u: worst.composite.u! },
  );
  return {
    dimensions: common,
    rows: composites,
    inequality,
    gap: { best: best.label, worst: worst.label, gap: g.gap, u: g.u, en: g.en, significant: g.significant },
    draws: OVERVIEW_DRAWS,
    seed: OVERVIEW_SEED,
  };
}
