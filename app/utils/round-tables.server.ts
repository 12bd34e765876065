import { toCsv as rowsToCsv } from "./csv";
import { z } from "zod";
import { translate, type Locale } from "~/i18n/messages";
import type { Db } from "../../db/schema";
import type { StoredAnalysis } from "./round-analysis.server";
import { findSegmentNames } from "./segment-names.server";

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

/** Human labels, in the page's language, of the dimensions and segments an analysis refers to by id. */
export interface AnalysisLabels {
  dimensions: Record<string, string>;
  /** "<area name>, <group label>". */
  segments: Record<string, string>;
}

const InputIdsSchema = z.object({
  dimensions: z.array(z.object({ id: z.string(), label: z.string().optional() })).catch([]),
  segments: z.array(z.object({ id: z.string() })).catch([]),
});

/**
 * Labels for the dimensions and segments in a stored analysis: dimensions from the database in the
 * page's language (else the label stored with the input), segments as area name and group label.
 */
export async function loadAnalysisLabels(
  db: Db,
  stored: StoredAnalysis,
  locale: Locale,
): Promise<AnalysisLabels> {
  const input = InputIdsSchema.parse(stored.input);
  const segIds = input.segments.map((s) => s.id);
  const [dims, segs] = await Promise.all([
    db.selectFrom("dimensions").select(["id", "label_sv", "label_en"]).execute(),
    findSegmentNames(db, locale, segIds),
  ]);
  const dimensions: Record<string, string> = {};
  for (const d of input.dimensions) if (d.label) dimensions[d.id] = d.label;
  for (const d of dims) dimensions[d.id] = locale === "en" ? d.label_en : d.label_sv;
  const segments: Record<string, string> = {};
  for (const s of segs) segments[s.id] = `${s.area}, ${s.group}`;
  return { dimensions, segments };
}

/**
 * A tornado bar's input in words, as lines: "Vikt: Hälsa", "Ojämlikhetsaversion ε", or for an effect
 * "Effekt: Hälsa" over "Helsingborg, 20–44 år, män". Unknown ids are shown as they are.
 */
export function tornadoInputLines(
  bar: { kind: "weight" | "epsilon" | "effect"; input: string },
  labels: AnalysisLabels,
  locale: Locale,
): string[] {
  const dim = (id: string) => labels.dimensions[id] ?? id;
  switch (bar.kind) {
    case "weight":
      return [translate(locale, "analysis.tornadoWeight", { dimension: dim(bar.input) })];
    case "epsilon":
      return [translate(locale, "analysis.tornadoEpsilon")];
    case "effect": {
      // engine/sensitivity/tornado names an effect "<segment> · <dimension>"
      const at = bar.input.lastIndexOf(" · ");
      if (at < 0) return [bar.input];
      const segment = bar.input.slice(0, at);
      return [
        translate(locale, "analysis.tornadoEffect", { dimension: dim(bar.input.slice(at + 3)) }),
        labels.segments[segment] ?? segment,
      ];
    }
  }
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
export function analysisTable(
  stored: StoredAnalysis,
  id: AnalysisTableId,
  locale: Locale,
  labels: AnalysisLabels,
): DataTable {
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
          "id",
          t("analysis.input"),
          t("analysis.low"),
          t("analysis.high"),
          t("analysis.impactLow"),
          t("analysis.impactHigh"),
        ],
        rows: (charts.tornado?.bars ?? []).map((b) => [
          b.input,
          tornadoInputLines(b, labels, locale).join(" – "),
          b.lowSetting,
          b.highSetting,
          b.low,
          b.high,
        ]),
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
