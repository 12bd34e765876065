import { describe, expect, it } from "vitest";
import { analyseRun } from "../../../engine/decision/analyse";
import { buildChartData } from "~/utils/round-charts.server";
import { toCsv } from "~/utils/round-tables.server";

// Two segments, one dimension with weight 1, ε = 1, no uncertainty: everything is worked by hand.
// A: N = 100, q = 40; B: N = 300, q = 80; p = (0.25, 0.75).
// X raises A by reach 0.5 × change 10 = 5 points; Y raises B by 0.5 × 10 = 5 points.
const analysis = {
  format: "livsval.analysis/1",
  seed: 7,
  draws: 200,
  dimensions: [{ id: "health", label: "hälsa" }],
  segments: [
    { id: "1283:age_80p_f", population: 100, scores: { health: { value: 40, u: 0 } } },
    { id: "1283:age_20_44_f", population: 300, scores: { health: { value: 80, u: 0 } } },
  ],
  interventions: [
    {
      id: "X",
      label: "X",
      cost: 1000,
      effects: [{ segment: "1283:age_80p_f", dimension: "health", change: 10, reach: 0.5 }],
    },
    {
      id: "Y",
      label: "Y",
      cost: 1000,
      effects: [{ segment: "1283:age_20_44_f", dimension: "health", change: 10, reach: 0.5 }],
    },
  ],
  scenario: { id: "equal", weights: { health: 1 }, inequalityAversion: 1 },
};

describe("the analysis page's chart data", () => {
  it("gives equity weights p_s·EDE/Q_s at ε = 1 and the first-order contributions", async () => {
    const charts = buildChartData(await analyseRun(analysis));
    // EDE_1 = 40^0.25 · 80^0.75 = 80 · 0.5^0.25 = 67.27171322
    // w_A = 0.25 · 67.27171322 / 40 = 0.42044821; w_B = 0.75 · 67.27171322 / 80 = 0.63067231
    expect(charts.segments[0]!.equityWeight).toBeCloseTo(0.42044821, 7);
    expect(charts.segments[1]!.equityWeight).toBeCloseTo(0.63067231, 7);
    // X: 0.42044821 × 5 = 2.10224104; Y: 0.63067231 × 5 = 3.15336155
    expect(charts.candidates[0]!.contributions["1283:age_80p_f"]).toBeCloseTo(2.10224104, 7);
    expect(charts.candidates[1]!.contributions["1283:age_20_44_f"]).toBeCloseTo(3.15336155, 7);
  });

  it("gives the change in the population-weighted Gini in percentage points", async () => {
    const charts = buildChartData(await analyseRun(analysis));
    // Gini = Σ_i Σ_j p_i p_j |x_i − x_j| / (2μ)
    // before: 2·0.25·0.75·40 / (2·70) = 15/140 = 0.107142857
    // after X (45, 80), μ = 71.25: 2·0.25·0.75·35 / 142.5 = 0.092105263 → Δ = −1.5037594 points
    // after Y (40, 85), μ = 73.75: 2·0.25·0.75·45 / 147.5 = 0.114406780 → Δ = +0.7263923 points
    expect(charts.candidates[0]!.deltaGini).toBeCloseTo(-1.5037594, 6);
    expect(charts.candidates[1]!.deltaGini).toBeCloseTo(0.7263923, 6);
    // ΔW_X = 45^0.25·80^0.75 − 67.2717 = 2.0101; ΔW_Y = 40^0.25·85^0.75 − 67.2717 = 3.0912: Y ranks first
    expect(charts.tornado?.candidate).toBe("Y");
  });

  it("does not change the analysis it reads", async () => {
    const run = await analyseRun(analysis);
    const before = JSON.stringify(run.result);
    buildChartData(run);
    expect(JSON.stringify(run.result)).toBe(before);
  });
});

describe("CSV of a chart's table", () => {
  it("quotes cells with commas, quotes or line breaks and ends lines with CRLF (RFC 4180)", () => {
    const csv = toCsv({
      id: "ranking",
      header: ["a", "b,c"],
      rows: [
        [1.5, 'say "hi"'],
        [null, "x\ny"],
      ],
    });
    expect(csv).toBe('a,"b,c"\r\n1.5,"say ""hi"""\r\n,"x\ny"\r\n');
  });
});
