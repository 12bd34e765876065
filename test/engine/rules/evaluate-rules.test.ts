import { describe, expect, it } from "vitest";
import { parseAnalysis } from "../../../engine/decision/analysis-schema";
import { applyRules } from "../../../engine/decision/analyse";
import { evaluateRules } from "../../../engine/rules/evaluate-rules";
import { RuleSchema } from "../../../engine/rules/rule-schema";
import { targetFacts } from "../../../engine/rules/target-facts";
import small from "../../../scenarios/examples/small.analysis.json";
import { handAnalysis } from "../decision/fixtures";

const gradeD = RuleSchema.parse({
  name: "grade-d",
  conditions: {
    all: [
      { fact: "intervention", path: "$.attributes.evidenceGrade", operator: "equal", value: "D" },
      { fact: "intervention", path: "$.expectedCost", operator: "greaterThan", value: 1_000_000 },
    ],
  },
  event: { type: "exclude", params: { reason: "evidence grade D may not exceed 1 MSEK" } },
});

const noFacts = { population: 0, minScore: {}, maxU: {}, gapToMean: {} };

describe("evaluateRules", () => {
  it("excludes a candidate with the rule's reason and the fact values it saw", async () => {
    const [out] = await evaluateRules(
      [gradeD],
      [
        {
          intervention: { id: "app", expectedCost: 1_300_000, attributes: { evidenceGrade: "D" } },
          target: noFacts,
        },
      ],
    );
    expect(out!.excluded).toBe(true);
    expect(out!.reasons).toEqual(["grade-d: evidence grade D may not exceed 1 MSEK"]);
    expect(out!.trace[0]!.conditions.map((c) => [c.path, c.factValue, c.result])).toEqual([
      ["$.attributes.evidenceGrade", "D", true],
      ["$.expectedCost", 1_300_000, true],
    ]);
  });

  it("writes a Swedish/English pair's English into reasons and flags, and keeps the pair in the trace", async () => {
    const pair = { sv: "evidensgrad D får kosta högst 1 mkr", en: "grade D may not exceed 1 MSEK" };
    const warn = { sv: "osäker målgrupp", en: "uncertain target" };
    const rules = [
      RuleSchema.parse({ ...gradeD, event: { type: "exclude", params: { reason: pair } } }),
      RuleSchema.parse({
        name: "expensive",
        conditions: {
          all: [{ fact: "intervention", path: "$.expectedCost", operator: "greaterThan", value: 1 }],
        },
        event: { type: "flag", params: { message: warn } },
      }),
    ];
    const [out] = await evaluateRules(rules, [
      {
        intervention: { id: "app", expectedCost: 1_300_000, attributes: { evidenceGrade: "D" } },
        target: noFacts,
      },
    ]);
    expect(out!.reasons).toEqual(["grade-d: grade D may not exceed 1 MSEK"]);
    expect(out!.flags).toEqual(["expensive: uncertain target"]);
    expect(out!.trace[0]!.event).toEqual({ type: "exclude", params: { reason: pair } });
  });

  it("takes a reason as a plain string or a complete Swedish/English pair, nothing else", () => {
    const withReason = (reason: unknown) =>
      RuleSchema.safeParse({ ...gradeD, event: { type: "exclude", params: { reason } } }).success;
    expect(withReason("plain")).toBe(true);
    expect(withReason({ sv: "på svenska", en: "in English" })).toBe(true);
    expect(withReason({ sv: "bara svenska" })).toBe(false);
    expect(withReason({ sv: "", en: "x" })).toBe(false);
    expect(withReason({ sv: "a", en: "b", fi: "c" })).toBe(false);
    expect(withReason("")).toBe(false);
  });

  it("lets a cheap grade-D candidate and a missing attribute through silently", async () => {
    const out = await evaluateRules(
      [gradeD],
      [
        {
          intervention: { id: "cheap", expectedCost: 900_000, attributes: { evidenceGrade: "D" } },
          target: noFacts,
        },
        { intervention: { id: "none", expectedCost: 5e6 }, target: noFacts },
      ],
    );
    expect(out.map((o) => [o.excluded, o.trace.length])).toEqual([
      [false, 0],
      [false, 0],
    ]);
  });

  it("multiplies adjust factors, collects flags and caps, and marks requirements", async () => {
    const rules = [
      {
        name: "half",
        conditions: { all: [{ fact: "target", path: "$.population", operator: "greaterThan", value: 10 }] },
        event: { type: "adjust", params: { factor: 0.5, reason: "weak" } },
      },
      {
        name: "more",
        conditions: { all: [{ fact: "target", path: "$.population", operator: "greaterThan", value: 10 }] },
        event: { type: "adjust", params: { factor: 0.8, reason: "transfer" } },
      },
      {
        name: "law",
        conditions: {
          all: [{ fact: "intervention", path: "$.attributes.statutory", operator: "equal", value: true }],
        },
        event: { type: "require", params: { reason: "statutory duty" } },
      },
      {
        name: "cap",
        conditions: {
          any: [
            { fact: "intervention", path: "$.attributes.department", operator: "equal", value: "fritid" },
          ],
        },
        event: { type: "cap", params: { department: "fritid", amount: 2e6 } },
      },
      {
        name: "warn",
        conditions: { not: { fact: "target", path: "$.population", operator: "lessThan", value: 10 } },
        event: { type: "flag", params: { message: "large" } },
      },
    ].map((r) => RuleSchema.parse(r));
    const [out] = await evaluateRules(rules, [
      {
        intervention: { id: "c", expectedCost: 1, attributes: { statutory: true, department: "fritid" } },
        target: { ...noFacts, population: 50 },
      },
    ]);
    expect(out!.factor).toBeCloseTo(0.4, 15);
    expect(out!.required).toBe(true);
    expect(out!.caps).toEqual([{ department: "fritid", amount: 2e6 }]);
    expect(out!.flags).toEqual(["warn: large"]);
    expect(out!.trace.map((t) => t.rule)).toEqual(["half", "more", "law", "cap", "warn"]);
  });

  it("refuses a rule with an unknown operator, fact or event at its path", () => {
    const r = RuleSchema.safeParse({
      name: "bad",
      conditions: { all: [{ fact: "intervention", operator: "biggerThan", value: 1 }] },
      event: { type: "adjust", params: { factor: -1, reason: "x" } },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("event.params.factor");
  });
});

describe("targetFacts", () => {
  it("reports reached residents, lowest score, largest u and the gap to the mean", () => {
    const a = parseAnalysis(handAnalysis(0));
    // x reaches half of A (N = 1): 0.5 residents; on d1 A scores 40, u 0;
    // population mean of d1 = (1·40 + 3·80)/4 = 70 ⇒ gap 40 − 70 = −30
    expect(targetFacts(a, a.interventions[0]!)).toEqual({
      population: 0.5,
      minScore: { d1: 40 },
      maxU: { d1: 0 },
      gapToMean: { d1: -30 },
    });
  });

  it("lets the shipped example's rules exclude the costly grade-D app and flag uncertain targets", async () => {
    const out = await applyRules(parseAnalysis(small));
    expect(out.map((o) => o.excluded)).toEqual([false, false, false, true]);
    expect(out[3]!.reasons).toEqual(["evidence-grade-d-max-1-msek: evidence grade D may not exceed 1 MSEK"]);
    expect(out[0]!.flags.length).toBe(1);
  });
});
