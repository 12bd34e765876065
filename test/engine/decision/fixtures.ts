/**
 * A hand-checkable analysis: two segments, two dimensions, exact inputs.
 * Segment A: N = 1, q = (40, 60); segment B: N = 3, q = (80, 100); weights ½, ½
 * ⇒ p = (¼, ¾), Q_A = 50, Q_B = 90.
 * Candidate "x" raises A's d1 by 20 with reach ½ ⇒ ΔQ_A = ½ · ½ · 20 = 5.
 * Candidate "y" raises B's d2 by 8 with reach 1 ⇒ ΔQ_B = ½ · 8 = 4.
 */
export function handAnalysis(eps: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: "livsval.analysis/1",
    seed: 1,
    draws: 10,
    dimensions: [
      { id: "d1", label: "one" },
      { id: "d2", label: "two" },
    ],
    segments: [
      { id: "A", population: 1, scores: { d1: { value: 40, u: 0 }, d2: { value: 60, u: 0 } } },
      { id: "B", population: 3, scores: { d1: { value: 80, u: 0 }, d2: { value: 100, u: 0 } } },
    ],
    interventions: [
      {
        id: "x",
        label: "X",
        cost: 1_000_000,
        effects: [{ segment: "A", dimension: "d1", change: 20, reach: 0.5 }],
      },
      {
        id: "y",
        label: "Y",
        cost: 2_000_000,
        effects: [{ segment: "B", dimension: "d2", change: 8, reach: 1 }],
      },
    ],
    scenario: { id: "test", weights: { d1: 0.5, d2: 0.5 }, inequalityAversion: eps },
    ...extra,
  };
}
