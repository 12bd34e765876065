import { conditionsScale, type ConditionsScale } from "../../engine/measurement/conditions";
import { EngineInputError } from "../../engine/errors";
import type { NationalIndicator } from "../../db/repositories/profile-repository";

export interface NationalRow {
  indicatorId: string;
  label: string;
  unit: string;
  period: string;
  source: string;
  home: { value: number; u: number | null } | null;
  /** 1 = best among `count` municipalities, given the indicator's direction. */
  rank: number | null;
  count: number;
  nationalMedian: number;
  peersMedian: number | null;
  peerCount: number;
}

export interface ConditionsView {
  /** Conditions hardest first. */
  conditions: { id: string; label: string; location: number; se: number }[];
  home: {
    measure: number;
    se: number;
    score: number | null;
    scoreSe: number | null;
    rank: number | null;
  } | null;
  measured: number;
  reliability: number | null;
  /** The 0–100 score transform: the WLE (logits) mapped to 0 and to 100, and the factor on standard errors. */
  transform: { lo: number; hi: number; slope: number };
  /** Grades merged (or conditions left out) so that CML could calibrate every grade, with the condition's label. */
  adjustments: { label: string; merged: [number, number] | null; unobserved: number | null }[];
}

export interface NationalView {
  rows: NationalRow[];
  peers: { id: string; name: string }[];
  peerGroups: string[];
  conditions: ConditionsView | null;
  conditionsError: string | null;
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Helsingborg among Sweden's municipalities: its rank and the national and peer medians per
 * indicator, and the conditions scale (engine/measurement/conditions: a partial credit model over
 * municipalities × conditions graded at their terciles) with its measure, standard error and rank.
 */
export function buildNationalView(
  indicators: NationalIndicator[],
  homeId: string,
  groups: { title: string; members: string[] }[],
): NationalView {
  const peerIds = new Set(groups.flatMap((g) => g.members).filter((id) => id !== homeId));
  const names = new Map(indicators.flatMap((i) => i.values.map((v) => [v.areaId, v.areaName] as const)));
  const rows: NationalRow[] = indicators.map((ind) => {
    const home = ind.values.find((v) => v.areaId === homeId) ?? null;
    const better = (a: number, b: number) => (ind.direction === "higher" ? a > b : a < b);
    const peers = ind.values.filter((v) => peerIds.has(v.areaId)).map((v) => v.value);
    return {
      indicatorId: ind.indicatorId,
      label: ind.label,
      unit: ind.unit,
      period: ind.period,
      source: ind.source,
      home: home ? { value: home.value, u: home.u } : null,
      rank: home ? 1 + ind.values.filter((v) => better(v.value, home.value)).length : null,
      count: ind.values.length,
      nationalMedian: median(ind.values.map((v) => v.value)),
      peersMedian: peers.length > 0 ? median(peers) : null,
      peerCount: peers.length,
    };
  });
  let conditions: ConditionsView | null = null;
  let conditionsError: string | null = null;
  // Graded against the indicators' goalposts (data, DESIGN §2), not against the municipalities' own
  // quantiles: quantile cuts would make every condition equally hard by construction.
  const byPeriod = indicators.filter((i) => i.values.length >= 50 && i.goalLo !== null && i.goalHi !== null);
  if (byPeriod.length >= 2) {
    const areaIds = [...new Set(byPeriod.flatMap((i) => i.values.map((v) => v.areaId)))].sort();
    try {
      const scale: ConditionsScale = conditionsScale(
        areaIds.map((areaId) => ({
          areaId,
          values: Object.fromEntries(
            byPeriod.map((i) => [i.indicatorId, i.values.find((v) => v.areaId === areaId)?.value ?? null]),
          ),
        })),
        byPeriod.map((i) => ({
          id: i.indicatorId,
          label: i.label,
          direction: i.direction,
          grading: {
            kind: "goalposts",
            cuts: [i.goalLo! + (i.goalHi! - i.goalLo!) / 3, i.goalLo! + (2 * (i.goalHi! - i.goalLo!)) / 3],
          },
        })),
      );
      const home = scale.areas.find((a) => a.areaId === homeId);
      conditions = {
        conditions: scale.conditions.map((c) => ({
          id: c.id,
          label: c.label ?? c.id,
          location: c.location,
          se: c.se,
        })),
        home:
          home && home.measure !== null && home.se !== null
            ? {
                measure: home.measure,
                se: home.se,
                score: home.score,
                scoreSe: home.scoreSe,
                rank: home.rank,
              }
            : null,
        measured: scale.areas.filter((a) => a.measure !== null).length,
        reliability: scale.reliability,
        transform: { lo: scale.transform.lo, hi: scale.transform.hi, slope: scale.transform.slope },
        adjustments: scale.adjustments.map((a) => ({
          label: byPeriod.find((i) => i.indicatorId === a.item)?.label ?? a.item,
          merged: "merged" in a ? [a.merged[0], a.merged[1]] : null,
          unobserved: "merged" in a ? a.unobserved : null,
        })),
      };
    } catch (e) {
      if (!(e instanceof EngineInputError)) throw e;
      conditionsError = e.message;
    }
  }
  return {
    rows,
    peers: [...peerIds].sort().map((id) => ({ id, name: names.get(id) ?? id })),
    peerGroups: groups.map((g) => g.title),
    conditions,
    conditionsError,
  };
}
