import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { distMean } from "../../../engine/random";
import { buildHelsingborgRound } from "../../../scenarios/demo/build-helsingborg-round";
import {
  DemoRoundSchema,
  toAnalysisInterventions,
  type DemoCandidate,
  type DemoRound,
} from "../../../scenarios/demo/schema";

const root = new URL("../../../", import.meta.url);
const text = (path: string) => readFileSync(new URL(path, root), "utf8");
type Row = Record<string, string>;
const csv = (path: string) => parse(text(path), { columns: true }) as Row[];

const raw = JSON.parse(text("scenarios/demo/helsingborg-round.json")) as unknown;
const round: DemoRound = DemoRoundSchema.parse(raw);
const byId = (id: string): DemoCandidate => round.candidates.find((c) => c.id === id)!;

/** Source rows by charity name, from the copies in data/interventions (not from the round file). */
const sourceRows = new Map<string, Row>(
  [
    ...csv("data/interventions/hli_wellby_cost_effectiveness.csv"),
    ...csv("data/interventions/botecs_from_whr.csv"),
  ].map((r) => [r["Charity"]!, r]),
);
const rowOf = (c: DemoCandidate): Row => {
  const source = round.sources.find((s) => s.id === c.costDerivation.sourceId)!;
  return sourceRows.get(source.row!)!;
};

describe("the demo round file", () => {
  it("matches its schema, with 12–20 candidates", () => {
    expect(DemoRoundSchema.safeParse(raw).success).toBe(true);
    expect(round.candidates.length).toBeGreaterThanOrEqual(12);
    expect(round.candidates.length).toBeLessThanOrEqual(20);
  });

  it("is what the builder makes from the copied sources and its stated assumptions", () => {
    expect(buildHelsingborgRound()).toEqual(raw);
  });

  it("refuses a candidate that excludes another one-sidedly", () => {
    const broken = structuredClone(round);
    broken.candidates[0]!.excludes = [...broken.candidates[0]!.excludes, broken.candidates[2]!.id];
    const r = DemoRoundSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(
      `must list "${broken.candidates[0]!.id}", which excludes it`,
    );
  });

  it("refuses an effect on a segment the candidate does not target", () => {
    const broken = structuredClone(round);
    broken.candidates[0]!.effects[0]!.segment = "1283:age_80p_f";
    expect(DemoRoundSchema.safeParse(broken).success).toBe(false);
  });

  it("has Helsingborg's SCB 2019 population per age band × sex, summed from the copied SCB file", () => {
    // independent aggregation of data/scb (single years of age) into the shared bands
    const pop = new Map<string, number>();
    for (const r of csv("data/scb/population_age_sex_2019_helsingborg_riket.csv")) {
      if (r["region"] !== "Helsingborg") continue;
      const age = Number(r["ålder"]);
      const band = age < 20 ? "0_19" : age < 45 ? "20_44" : age < 65 ? "45_64" : age < 80 ? "65_79" : "80p";
      const key = `1283:age_${band}_${r["kön"] === "kvinnor" ? "f" : "m"}`;
      pop.set(key, (pop.get(key) ?? 0) + Number(r["X2019"]));
    }
    expect(Object.fromEntries(round.segments.map((s) => [s.id, s.population]))).toEqual(
      Object.fromEntries(pop),
    );
    // data/README.md states the Helsingborg total: 147 734
    expect(round.segments.reduce((s, x) => s + x.population, 0)).toBe(147_734);
  });

  it("quotes each candidate's source figures exactly as the copied CSV has them", () => {
    for (const c of round.candidates) {
      const row = rowOf(c);
      expect(row, c.id).toBeDefined();
      expect(c.costDerivation.costPerWellby).toEqual({
        value: Number(row["Cost per WELLBY"]),
        currency: "USD",
      });
      expect(c.costDerivation.wellbysPer1000).toBe(Number(row["WELLBYs created per $1,000 donated"]));
      // the source is self-consistent: WELLBYs per $1000 = 1000 / cost per WELLBY
      expect(1000 / c.costDerivation.costPerWellby.value).toBeCloseTo(c.costDerivation.wellbysPer1000, 6);
      const d = row["Duration of effect (years)"]!;
      expect(c.costDerivation.effectDurationYears).toBe(d.startsWith("Unclear (assume 1)") ? 1 : Number(d));
      expect(c.attributes.sourceCountryIncome).toBe(row["Country income"]);
    }
  });

  it("grades the evidence as read by hand from the source's design columns", () => {
    // Causal evidence / Depth of analysis, read from the CSV: meta-analysis of RCTs in depth → A;
    // other randomised → B; matched DiD, non-randomised comparison or mixed RCT + associative → C;
    // associative or pre-post only → D.
    expect(Object.fromEntries(round.candidates.map((c) => [c.id, c.evidenceGrade]))).toEqual({
      "samtalsstod-grupp": "A", // StrongMinds: meta-analysis of RCTs, In-depth
      samtalsbank: "A", // Friendship Bench: meta-analysis of RCTs, In-depth
      "skolbaserat-gruppstod": "B", // Shamiri: meta-analysis of RCTs, Medium
      "kbt-brottsprevention": "C", // ACTRA: Mixed (RCT and associative study)
      "volontaruppdrag-aldre": "B", // Royal Voluntary Service: RCT
      lyckokurs: "B", // Action for Happiness: RCT
      "kontantstod-hushall": "A", // GiveDirectly: meta-analysis of RCTs, In-depth
      mansgrupper: "D", // Mandem Meetups: pre-post with matched adjustment
      "parkrun-motion": "D", // Parkrun: associative
      ungdomsrodd: "D", // Active Row: associative
      "mentorskap-skolnarvaro": "C", // Power2: matched comparison, difference-in-difference
      "kultur-ungdomar": "C", // Factory International: matched comparison, DiD
      havsterapi: "D", // Wave Project: pre-post
      "hbtq-mentorskap": "C", // Free2B: matched comparison, DiD
      "inkluderande-idrott": "D", // Get Out Get Active: pre-post
      arbetsstod: "C", // Walking with the Wounded Employment: matched comparison, DiD
      "bostad-forst": "B", // Housing First (Frijters & Krekel): RCT
    });
  });
});

describe("the demo round's conversions", () => {
  it("converts USD at the Riksbank's 2023 annual average and labels it a conversion", () => {
    expect(round.conversions.exchangeRates).toEqual([
      expect.objectContaining({ id: "usd-sek-2023", from: "USD", to: "SEK", year: 2023, rate: 10.6128 }),
    ]);
    expect(round.conversions.exchangeRates[0]!.note).toMatch(/currency conversion/);
  });

  it("works the lay-led group therapy (StrongMinds, LMIC) through by hand", () => {
    // 24.77 USD/WELLBY × 10.6128 SEK/USD = 254.7072 + 8.171856 = 262.879056 SEK; × 15 (cost level) = 3943.18584
    // WELLBYs per participant 0.5 × 4 years = 2 → 7886.37168 SEK; × 800 participants = 6 309 097.344 SEK
    // PERT 0.8× = 5 047 277.875, 1.5× = 9 463 646.016; reach 800 / (24115+24809+18334+18112 = 85 370) = 0.0093710
    // first-year change 10 × 0.5 × min(1, 4) = 5 points, sd 5 × √(0.3² + 0.5²) = 5 × 0.583095 = 2.915476
    const c = byId("samtalsstod-grupp");
    expect(c.costDerivation.costPerWellbySek).toBe(3943.19);
    expect(c.costDerivation.costPerParticipantSek).toBe(7886.37);
    expect(c.cost).toEqual({ dist: "pert", min: 5_047_278, mode: 6_309_097, max: 9_463_646 });
    expect(c.effects[0]).toMatchObject({
      dimension: "subjective_wellbeing",
      change: { dist: "normal", mean: 5, sd: 2.9155 },
      reach: 0.009371,
    });
  });

  it("works Housing First (HIC, cost level 1) and surf therapy (effect under a year) through by hand", () => {
    // 35027.5 × 10.6128 = 350 275 + 21 464.852 = 371 739.852 SEK/WELLBY; 0.4 WELLBY → 148 695.9408; × 40 = 5 947 837.632
    const h = byId("bostad-forst");
    expect(h.costDerivation.costPerWellbySek).toBe(371739.85);
    expect(h.cost).toMatchObject({ mode: 5_947_838 });
    // 4541.13924050633 × 10.6128 = 45 411.3924 + 2 782.8101 = 48 194.2025; W = 0.3 × 0.25 = 0.075 → 3 614.5652; × 200 = 722 913.04
    // the effect lasts a quarter year, so the first-year average is 10 × 0.3 × 0.25 = 0.75 points
    const w = byId("havsterapi");
    expect(w.cost).toMatchObject({ mode: 722_913 });
    expect(w.costDerivation.firstYearQolChange).toBe(0.75);
  });

  it("recomputes every candidate's cost, reach and effect from the source row and the stated factors", () => {
    const rate = round.conversions.exchangeRates[0]!.rate;
    const qolPerLs = round.conversions.wellbyToQol.qolPointsPerLifeSatisfactionPoint;
    const { minFactor, maxFactor } = round.conversions.costUncertainty;
    const population = new Map(round.segments.map((s) => [s.id, s.population]));
    for (const c of round.candidates) {
      const row = rowOf(c);
      const d = c.costDerivation;
      const level = round.conversions.costLevels.find((l) => l.appliesTo.includes(row["Country income"]!))!;
      expect(d.costLevelId, c.id).toBe(level.id);
      const gradeCv = round.conversions.evidenceGrades.find((g) => g.grade === c.evidenceGrade)!.effectCv;

      const cpwSek = Number(row["Cost per WELLBY"]) * rate * level.factor;
      const perParticipant = d.lifeSatisfactionGainPerYear * d.effectDurationYears * cpwSek;
      const budget = c.participants * perParticipant;
      expect(Math.abs(d.costPerWellbySek - cpwSek), c.id).toBeLessThanOrEqual(0.005);
      expect(Math.abs(d.costPerParticipantSek - perParticipant), c.id).toBeLessThanOrEqual(0.005);
      expect(Math.abs(d.expectedBudgetSek - budget), c.id).toBeLessThanOrEqual(0.5);
      expect(c.cost, c.id).toEqual({
        dist: "pert",
        min: Math.round(minFactor * budget),
        mode: Math.round(budget),
        max: Math.round(maxFactor * budget),
      });
      // PERT mean (min + 4 mode + max)/6 = budget × (0.8 + 4 + 1.5)/6 = 1.05 × budget
      expect(distMean(c.cost) / budget, c.id).toBeCloseTo(1.05, 4); // whole-SEK rounding: < 1e-5 relative

      const reach = c.participants / c.targetSegments.reduce((s, id) => s + population.get(id)!, 0);
      const change = qolPerLs * d.lifeSatisfactionGainPerYear * Math.min(1, d.effectDurationYears);
      const cv = Math.sqrt(gradeCv ** 2 + level.transferCv ** 2);
      expect(Math.abs(d.firstYearQolChange - change), c.id).toBeLessThanOrEqual(5e-5);
      const swb = c.effects.filter((e) => e.dimension === "subjective_wellbeing");
      expect(
        swb.map((e) => e.segment),
        c.id,
      ).toEqual(c.targetSegments);
      for (const e of c.effects) {
        expect(Math.abs(e.reach - reach), c.id).toBeLessThanOrEqual(5e-7);
        if (typeof e.change === "number" || e.change.dist !== "normal")
          throw new Error(`${c.id}: expected a normal change`);
        if (e.dimension === "subjective_wellbeing") {
          expect(e.basis).toBe("source-derived");
          expect(Math.abs(e.change.mean - change), c.id).toBeLessThanOrEqual(5e-5);
          expect(Math.abs(e.change.sd - cv * change), c.id).toBeLessThanOrEqual(5e-5);
        } else {
          expect(e.basis, `${c.id} ${e.dimension}`).toBe("assumption");
          expect(e.change.sd).toBe(e.change.mean);
        }
      }
    }
  });
});

describe("the demo round's candidates", () => {
  it("name dependencies and exclusions that resolve, and carry the rule facts in attributes", () => {
    expect(byId("arbetsstod").dependsOn).toEqual(["samtalsstod-grupp"]);
    expect(byId("samtalsbank").excludes).toEqual(["samtalsstod-grupp"]);
    expect(byId("havsterapi").excludes).toEqual(["ungdomsrodd"]);
    const interventions = toAnalysisInterventions(round);
    expect(interventions).toHaveLength(round.candidates.length);
    expect(interventions[0]).toMatchObject({
      id: "samtalsstod-grupp",
      label: "Samtalsstöd i grupp med lekmannaledare",
      attributes: { evidenceGrade: "A", department: "socialforvaltningen", statutory: false },
    });
    for (const iv of interventions) {
      for (const e of iv.effects)
        expect(Object.keys(e).sort()).toEqual(["change", "dimension", "reach", "segment"]);
    }
  });

  it("spread over several departments, statutory and voluntary mandates, all evidence grades", () => {
    expect(new Set(round.candidates.map((c) => c.department.id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(round.candidates.map((c) => c.legalMandate.statutory))).toEqual(new Set([true, false]));
    expect(new Set(round.candidates.map((c) => c.evidenceGrade))).toEqual(new Set(["A", "B", "C", "D"]));
  });

  it("cost more together than the round's budget, so that choosing matters", () => {
    const total = round.candidates.reduce((s, c) => s + distMean(c.cost), 0);
    expect(total).toBeGreaterThan(2 * round.budget);
  });
});
