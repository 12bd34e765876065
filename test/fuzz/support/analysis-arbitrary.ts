import fc from "fast-check";

/*
 * Random small valid `livsval.analysis/1` files (DESIGN §7) for the analysis fuzz test: 1–3
 * dimensions, 1–3 segments with positive scores, 0–3 interventions whose effects touch distinct
 * (segment, dimension) cells, each kind of Dist, each kind of weights, ε in {0, ½, 1, 2}.
 */

const dimIds = ["health", "safety", "housing"] as const;
const segIds = ["1283:age_20_44_f", "1283:age_20_44_m", "1283-S1:age_80p_f"] as const;

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Any valid Dist centred in [lo, hi]. */
function dist(lo: number, hi: number): fc.Arbitrary<unknown> {
  const three = fc
    .tuple(num(lo, hi), num(lo, hi), num(lo, hi))
    .map((xs) => [...xs].sort((a, b) => a - b) as [number, number, number]);
  return fc.oneof(
    num(lo, hi),
    fc.record({ dist: fc.constant("normal"), mean: num(lo, hi), sd: num(0, (hi - lo) / 4) }),
    fc
      .tuple(num(lo, hi), num(lo, hi))
      .map(([a, b]) => ({ dist: "uniform", min: Math.min(a, b), max: Math.max(a, b) })),
    three.map(([min, mode, max]) => ({ dist: "triangular", min, mode, max })),
    three.map(([min, mode, max]) => ({ dist: "pert", min, mode, max })),
    fc.record({
      dist: fc.constant("lognormal"),
      median: num(Math.max(lo, 0.01), Math.max(hi, 0.02)),
      gsd: num(1, 2),
    }),
  );
}

/** A valid analysis with the given number of draws and score uncertainties up to `maxU`. */
export function validAnalysis(draws: fc.Arbitrary<number> = fc.integer({ min: 20, max: 120 }), maxU = 5) {
  return fc
    .record({
      nDims: fc.integer({ min: 1, max: 3 }),
      nSegs: fc.integer({ min: 1, max: 3 }),
      seed: fc.nat(),
      draws,
      eps: fc.constantFrom(0, 0.5, 1, 2),
      weightKind: fc.constantFrom("exact", "intervals", "order", "none"),
      budget: fc.option(num(0, 5e6), { nil: undefined }),
    })
    .chain((p) => {
      const dims = dimIds.slice(0, p.nDims);
      const segs = segIds.slice(0, p.nSegs);
      const cells = segs.flatMap((s) => dims.map((d) => [s, d] as const));
      const segment = (id: string) =>
        fc.record({
          id: fc.constant(id),
          population: fc.integer({ min: 1, max: 10_000 }),
          scores: fc.record(
            Object.fromEntries(dims.map((d) => [d, fc.record({ value: num(20, 95), u: num(0, maxU) })])),
          ),
        });
      const intervention = (id: string) =>
        fc.record({
          id: fc.constant(id),
          label: fc.string({ maxLength: 20 }),
          cost: dist(1e5, 3e6),
          effects: fc.subarray([...cells], { minLength: 1 }).chain((picked) =>
            fc.tuple(
              ...picked.map(([segment, dimension]) =>
                fc.record({
                  segment: fc.constant(segment),
                  dimension: fc.constant(dimension),
                  change: dist(-2, 8),
                  reach: num(0, 1),
                }),
              ),
            ),
          ),
        });
      const weights =
        p.weightKind === "none"
          ? fc.constant("none" as const)
          : p.weightKind === "order"
            ? fc.shuffledSubarray([...dims], { minLength: dims.length }).map((order) => ({ order }))
            : p.weightKind === "exact"
              ? fc
                  .tuple(...dims.map(() => num(0.05, 1)))
                  .map((ws) => Object.fromEntries(dims.map((d, i) => [d, ws[i]!])))
              : fc
                  .tuple(...dims.map(() => fc.tuple(num(0, 0.3), num(0.6, 1))))
                  .map((ws) =>
                    Object.fromEntries(dims.map((d, i) => [d, dims.length === 1 ? [ws[i]![0], 1] : ws[i]!])),
                  );
      return fc.record({
        format: fc.constant("livsval.analysis/1"),
        seed: fc.constant(p.seed),
        draws: fc.constant(p.draws),
        dimensions: fc.constant(dims.map((id) => ({ id, label: id }))),
        segments: fc.tuple(...segs.map(segment)),
        interventions: fc
          .integer({ min: 0, max: 3 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => intervention(`iv${i + 1}`)))),
        scenario: fc.record({
          id: fc.constant("fuzz"),
          weights,
          inequalityAversion: fc.constant(p.eps),
        }),
        ...(p.budget !== undefined ? { budget: fc.constant(p.budget) } : {}),
      });
    });
}
