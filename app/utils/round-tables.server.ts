import { toCsv as rowsToCsv } from "./csv";
import { z } from "zod";
import { translate, type Locale } from "~/i18n/messages";
import type { StoredAnalysis } from "./round-analysis.server";

/** The tables behind the analysis page's charts; each is also a CSV download. */
export const ANALYSIS_TABLES = [
  "ranking",
  "rank-acceptability",
  "tornado",
  "equity-plane",
  "frontier",
  "scenarios",
] as const;
export const AnalysisTableSchema = z.enum(ANALYSIS_TABLES);
export type AnalysisTableId = (typeof ANALYSIS_TABLES)[number];

export type Cell = string | number | null;
export interface DataTable {
  id: AnalysisTableId;
  header: string[];
  rows: Cell[][];
}

/** The ranked candidates in rank order, then the excluded ones. */
function ordered(stored: StoredAnalysis) {
  const byId = new Map(stored.result.interventions.map((iv) => [iv.id, iv]));
  const ranked = stored.result.ranking.map((id) => byId.get(id)!);
  const excluded = stored.result.interventions.filter((iv) => iv.status === "excluded");
  return { ranked, excluded };
}

export interface FrontierPoint {
  id: string;
  label: string;
  cost: number;
  totalImpact: number;
  cumCost: number;
  cumImpact: number;
  withinBudget: boolean;
}

/**
 * The value-for-money frontier: ranked candidates with a positive expected total impact in order of
 * expected total impact per expected krona, with cumulative cost and impact (expected values add).
 */
export function frontier(stored: StoredAnalysis): { points: FrontierPoint[]; budget: number | null } {
  const budget = stored.result.portfolio?.budget ?? null;
  const list = ordered(stored)
    .ranked.filter((iv) => iv.totalImpact.mean > 0 && iv.expectedCost > 0)
    .sort((a, b) => b.totalImpact.mean / b.expectedCost - a.totalImpact.mean / a.expectedCost);
  let cumCost = 0;
  let cumImpact = 0;
  const points = list.map((iv) => {
    cumCost += iv.expectedCost;
    cumImpact += iv.totalImpact.mean;
    return {
      id: iv.id,
      label: iv.label,
      cost: iv.expectedCost,
      totalImpact: iv.totalImpact.mean,
      cumCost,
      cumImpact,
      withinBudget: budget === null || cumCost <= budget,
    };
  });
  return { points, budget };
}

/** One table of the analysis, headed in the user's language, numbers unformatted. */
export function analysisTable(stored: StoredAnalysis, id: AnalysisTableId, locale: Locale): DataTable {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  const { ranked, excluded } = ordered(stored);
  const charts = stored.charts;
  switch (id) {
    case "ranking":
      return {
        id,
        header: [
          t("analysis.rank"),
          "id",
          t("analysis.candidate"),
          t("analysis.impact"),
          `${t("analysis.interval")} (lo)`,
          `${t("analysis.interval")} (hi)`,
          "u",
          t("analysis.pPositive"),
          t("analysis.pBest"),
          t("analysis.expectedRank"),
          t("analysis.cost"),
          t("analysis.ce"),
        ],
        rows: [...ranked, ...excluded].map((iv, i) => [
          iv.status === "excluded" ? t("analysis.status.excluded") : i + 1,
          iv.id,
          iv.label,
          iv.impact.mean,
          iv.impact.interval[0],
          iv.impact.interval[1],
          iv.impact.u,
          iv.pPositive,
          iv.pBest,
          iv.expectedRank,
          iv.expectedCost,
          iv.costEffectiveness.mean,
        ]),
      };
    case "rank-acceptability":
      return {
        id,
        header: ["id", t("analysis.candidate"), ...ranked.map((_, r) => `${t("analysis.rank")} ${r + 1}`)],
        rows: ranked.map((iv) => [iv.id, iv.label, ...iv.rankAcceptability]),
      };
    case "tornado":
      return {
        id,
        header: [
          t("analysis.input"),
          t("analysis.low"),
          t("analysis.high"),
          t("analysis.impactLow"),
          t("analysis.impactHigh"),
        ],
        rows: (charts.tornado?.bars ?? []).map((b) => [b.input, b.lowSetting, b.highSetting, b.low, b.high]),
      };
    case "equity-plane":
      return {
        id,
        header: ["id", t("analysis.candidate"), t("analysis.impact"), t("analysis.deltaInequality")],
        rows: ranked.map((iv) => [
          iv.id,
          iv.label,
          iv.impact.mean,
          charts.candidates.find((c) => c.id === iv.id)?.deltaGini ?? null,
        ]),
      };
    case "frontier": {
      const f = frontier(stored);
      return {
        id,
        header: [
          "id",
          t("analysis.candidate"),
          t("analysis.cost"),
          t("analysis.cumCost"),
          t("analysis.cumImpact"),
          t("analysis.withinBudget"),
        ],
        rows: f.points.map((p) => [
          p.id,
          p.label,
          p.cost,
          p.cumCost,
          p.cumImpact,
          p.withinBudget ? t("analysis.yes") : t("analysis.no"),
        ]),
      };
    }
    case "scenarios": {
      const all = [{ scenarioId: stored.result.scenario.id, result: stored.result }, ...stored.sensitivity];
      return {
        id,
        header: [t("analysis.scenario"), "ε", ...ranked.map((_, r) => `${t("analysis.rank")} ${r + 1}`)],
        rows: all.map((s) => [
          s.result.scenario.id,
          s.result.scenario.inequalityAversion,
          ...s.result.ranking,
        ]),
      };
    }
  }
}

/** RFC 4180 CSV of a table (comma-separated, CRLF, quotes doubled), numbers with full precision. */
export function toCsv(table: DataTable): string {
  return rowsToCsv(table.header, table.rows);
}
