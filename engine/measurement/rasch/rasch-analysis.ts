import { EngineInputError } from "../../errors";
import { cml, type Identification } from "./cml";
import { raschFit, type FitStatistics } from "./fit";
import { mlPersonEstimate, type PersonEstimate } from "./ml-person-estimate";
import {
  prepareResponses,
  type CollapsedItem,
  type RaschModel,
  type ResponseData,
} from "./prepare-responses";
import { separationReliability } from "./reliability";
import { scoreTransform, type ScoreTransform } from "./score-transform";
import { wle } from "./wle";

/** Options of {@link raschAnalysis}. */
export interface RaschAnalysisOptions {
  /** "rasch" (dichotomous, the default) or "pcm". */
  readonly model?: RaschModel;
  /** Scale origin; default "meanLocation" (mean item location 0). */
  readonly identification?: Identification;
  /** Stated highest category per item (PCM); default the highest observed. */
  readonly maxCategories?: readonly number[];
  /** Renumber unobserved PCM categories instead of refusing them (reported in `collapsed`). */
  readonly collapseUnobserved?: boolean;
  /** Person ids, one per response row; default "1", "2", … */
  readonly ids?: readonly string[];
}

/** One item's calibration. */
export interface RaschItem {
  readonly item: string;
  /** Mean of the thresholds (logits). */
  readonly location: number;
  /** PCM step parameters δ_i1..δ_im (logits); one for a dichotomous item. */
  readonly thresholds: number[];
  /** Standard error of the location. */
  readonly se: number;
  readonly thresholdSe: number[];
}

/** One person's measure. */
export interface RaschPerson {
  readonly id: string;
  /** Raw score over the items answered. */
  readonly raw: number;
  /** Highest possible raw score over the items answered. */
  readonly maxRaw: number;
  /** WLE in logits (null when no item was answered). */
  readonly measure: number | null;
  readonly se: number | null;
  /** The measure on the 0–100 scale of {@link ScoreTransform}. */
  readonly score: number | null;
  readonly scoreSe: number | null;
}

/** A complete Rasch analysis in the shape of DESIGN §7 (`rasch` command). */
export interface RaschAnalysis {
  readonly model: RaschModel;
  readonly identification: Identification;
  readonly items: RaschItem[];
  readonly persons: RaschPerson[];
  readonly fit: {
    readonly basis: string;
    readonly items: ({ item: string } & FitStatistics)[];
    readonly persons: ({ id: string } & (FitStatistics | { infit: null; outfit: null }))[];
  };
  /** Person separation reliability (eRm SepRel), null with fewer than two non-extreme persons. */
  readonly reliability: number | null;
  readonly reliabilityDetail: {
    observedVariance: number;
    errorVariance: number;
    n: number;
    basis: string;
  } | null;
  readonly transform: ScoreTransform;
  /** Items whose unobserved categories were collapsed (empty unless asked for and needed). */
  readonly collapsed: readonly CollapsedItem[];
  readonly logLik: number;
  readonly iterations: number;
}

/**
 * Calibrate a dichotomous Rasch or partial credit model and measure persons: item thresholds
 * by conditional maximum likelihood ({@link cml}), person measures by Warm's WLE ({@link wle})
 * with standard errors, infit/outfit ({@link raschFit}, on ML measures as eRm), person
 * separation reliability ({@link separationReliability}, eRm SepRel) and the stated 0–100
 * transform ({@link scoreTransform}).
 *
 * Source: the formulas are cited in the functions used; the combination follows eRm
 * (Mair & Hatzinger 2007) except that persons are measured by WLE rather than ML.
 *
 * @param data - item names and persons × items responses (`null` = missing)
 * @param options - model, identification, stated categories, person ids
 * @returns items, persons, fit, reliability and transform
 * @throws EngineInputError for bad responses, an unobserved category, or no convergence
 */
export function raschAnalysis(data: ResponseData, options: RaschAnalysisOptions = {}): RaschAnalysis {
  const model = options.model ?? "rasch";
  const ids = options.ids;
  if (ids !== undefined && ids.length !== data.responses.length) {
    throw new EngineInputError("raschAnalysis", "ids must give one id per response row");
  }
  const prepared = prepareResponses(data, model, options.maxCategories, options.collapseUnobserved ?? false);
  const cal = cml(prepared, { identification: options.identification ?? "meanLocation" });
  const { nPersons: N, raw, maxRaw, personGroup } = prepared;
  const transform = scoreTransform(cal.thresholds);

  const groupThresholds = prepared.groups.map((g) => Array.from(g.items, (i) => cal.thresholds[i]!));
  const wleCache = new Map<string, PersonEstimate>();
  const mlCache = new Map<string, PersonEstimate | null>();
  const mlMeasure = new Float64Array(N).fill(Number.NaN);
  const mlSe = new Float64Array(N).fill(Number.NaN);
  const persons: RaschPerson[] = [];
  for (let v = 0; v < N; v++) {
    const id = ids?.[v] ?? String(v + 1);
    const g = personGroup[v]!;
    const items = groupThresholds[g]!;
    if (items.length === 0) {
      persons.push({ id, raw: 0, maxRaw: 0, measure: null, se: null, score: null, scoreSe: null });
      continue;
    }
    const key = `${g}:${raw[v]}`;
    let w = wleCache.get(key);
    if (!w) {
      w = wle(items, raw[v]!);
      wleCache.set(key, w);
    }
    let ml = mlCache.get(key);
    if (ml === undefined) {
      ml = mlPersonEstimate(items, raw[v]!);
      mlCache.set(key, ml);
    }
    if (ml) {
      mlMeasure[v] = ml.measure;
      mlSe[v] = ml.se;
    }
    persons.push({
      id,
      raw: raw[v]!,
      maxRaw: maxRaw[v]!,
      measure: w.measure,
      se: w.se,
      score: transform.intercept + transform.slope * w.measure,
      scoreSe: transform.slope * w.se,
    });
  }
  const fit = raschFit(prepared, cal.thresholds, mlMeasure);
  let rel: ReturnType<typeof separationReliability> | null = null;
  let finite = 0;
  for (let v = 0; v < N; v++) if (Number.isFinite(mlMeasure[v]!)) finite++;
  if (finite >= 2) rel = separationReliability(mlMeasure, mlSe);
  return {
    model,
    identification: cal.identification,
    items: prepared.items.map((item, i) => ({
      item,
      location: cal.locations[i]!,
      thresholds: Array.from(cal.thresholds[i]!),
      se: cal.locationSe[i]!,
      thresholdSe: Array.from(cal.thresholdSe[i]!),
    })),
    persons,
    fit: {
      basis:
        "eRm itemfit/personfit: residuals at each person's ML measure; persons with an extreme raw score are left out",
      items: fit.items.map((f, i) => ({ item: prepared.items[i]!, ...f })),
      persons: fit.persons.map((f, v) => ({ id: persons[v]!.id, ...(f ?? { infit: null, outfit: null }) })),
    },
    reliability: rel ? rel.reliability : null,
    reliabilityDetail: rel
      ? {
          observedVariance: rel.observedVariance,
          errorVariance: rel.errorVariance,
          n: rel.n,
          basis: "eRm SepRel: ML measures and standard errors of persons with a non-extreme raw score",
        }
      : null,
    transform,
    collapsed: prepared.collapsed,
    logLik: cal.logLik,
    iterations: cal.iterations,
  };
}
