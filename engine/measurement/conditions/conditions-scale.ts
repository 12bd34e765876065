import { EngineInputError } from "../../errors";
import { raschAnalysis, type FitStatistics, type RaschPerson, type ScoreTransform } from "../rasch";
import { collapseGrades, type GradeAdjustment } from "./collapse-grades";
import {
  gradeConditions,
  type AreaConditions,
  type ConditionIndicator,
  type GradedConditions,
} from "./grade-conditions";

/** A condition's place on the scale. */
export interface ConditionOnScale {
  readonly id: string;
  readonly label?: string;
  /** Mean of its thresholds (logits): higher = harder to achieve. */
  readonly location: number;
  readonly se: number;
  /** Thresholds between successive grades (logits). */
  readonly thresholds: number[];
  /** Cut points used to grade it, in its unit. */
  readonly cuts: number[];
  readonly direction: "higher" | "lower";
  readonly fit: FitStatistics;
}

/** An area's place on the scale: its grades, raw score, WLE with SE and 0–100 score, and rank. */
export type AreaOnScale = Omit<RaschPerson, "id"> & {
  readonly areaId: string;
  readonly grades: (number | null)[];
  /** 1 + the number of areas with a strictly higher measure (1 = best conditions); null without a measure. */
  readonly rank: number | null;
};

/** Conditions and areas on one scale. */
export interface ConditionsScale {
  /** Hardest first. */
  readonly conditions: ConditionOnScale[];
  /** In input order. */
  readonly areas: AreaOnScale[];
  /** Number of areas with a measure (the denominator of `rank`). */
  readonly measuredAreas: number;
  readonly reliability: number | null;
  readonly transform: ScoreTransform;
  /** The grades calibrated: after {@link collapseGrades}. */
  readonly graded: GradedConditions;
  /** Grades merged and conditions left out so that every grade could be calibrated. */
  readonly adjustments: GradeAdjustment[];
}

/**
 * Place municipal conditions for quality of life and areas on one scale: grade each condition
 * ({@link gradeConditions}), then calibrate a partial credit model over areas (areas as
 * "persons", conditions as items; CML, WLE — see {@link raschAnalysis}). Conditions are ordered
 * by location (how hard each is to achieve); each area gets its WLE with SE, a 0–100 score and
 * its rank. A grade that CML cannot calibrate (seen only among areas with an extreme raw score)
 * is merged with its neighbour first ({@link collapseGrades}); the adjustments are returned.
 *
 * Source: Masters, G. N. (1982), "A Rasch model for partial credit scoring", Psychometrika 47
 * (the PCM); Warm (1989) for the WLE; DESIGN §2 (conditions graded against thresholds as items).
 *
 * @param areas - per area its indicator values
 * @param indicators - the conditions with direction and thresholds
 * @returns conditions hardest first, areas with measures and ranks, reliability, transform
 * @throws EngineInputError from grading or calibration, or with fewer than two indicators
 */
export function conditionsScale(
  areas: readonly AreaConditions[],
  indicators: readonly ConditionIndicator[],
): ConditionsScale {
  if (indicators.length < 2)
    throw new EngineInputError("conditionsScale", "at least two indicators are needed");
  const { graded, adjustments } = collapseGrades(gradeConditions(areas, indicators));
  if (graded.items.length < 2)
    throw new EngineInputError("conditionsScale", "fewer than two conditions are left after merging grades");
  const analysis = raschAnalysis(
    { items: graded.items, responses: graded.grades },
    { model: "pcm", maxCategories: graded.maxGrades, ids: graded.areas },
  );
  const byId = new Map(indicators.map((ind) => [ind.id, ind]));
  const conditions = graded.items
    .map((id, i) => {
      const ind = byId.get(id)!;
      const item = analysis.items[i]!;
      const { item: _name, ...fit } = analysis.fit.items[i]!;
      return {
        id: ind.id,
        ...(ind.label !== undefined ? { label: ind.label } : {}),
        location: item.location,
        se: item.se,
        thresholds: item.thresholds,
        cuts: graded.cuts[ind.id]!,
        direction: ind.direction,
        fit,
      };
    })
    .sort((a, b) => b.location - a.location);
  const measures = analysis.persons.map((p) => p.measure);
  const areasOut = analysis.persons.map((p, k) => ({
    areaId: p.id,
    grades: graded.grades[k]!,
    raw: p.raw,
    maxRaw: p.maxRaw,
    measure: p.measure,
    se: p.se,
    score: p.score,
    scoreSe: p.scoreSe,
    rank: p.measure === null ? null : 1 + measures.filter((m) => m !== null && m > p.measure!).length,
  }));
  return {
    conditions,
    areas: areasOut,
    measuredAreas: measures.filter((m) => m !== null).length,
    reliability: analysis.reliability,
    transform: analysis.transform,
    graded,
    adjustments,
  };
}
