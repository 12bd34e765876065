import { describe, expect, it } from "vitest";
import { RuleSchema } from "../../../engine/rules/rule-schema";
import { localizeRuleLine, ruleTextPairs } from "~/utils/rule-text";
import { getRuleSet } from "../../../scenarios";

const pairs = [
  { sv: "insatser med evidensgrad D får kosta högst 1 mkr", en: "evidence grade D may not exceed 1 MSEK" },
  {
    sv: "evidensgrad C: förväntade effekter minskade med en femtedel",
    en: "evidence grade C: expected effects shrunk by a fifth",
  },
];

describe("localizeRuleLine", () => {
  it("shows an engine reason line in Swedish, keeping the rule name, with the factor in Swedish", () => {
    expect(localizeRuleLine("evidens-d-max-1-mkr: evidence grade D may not exceed 1 MSEK", pairs, "sv")).toBe(
      "evidens-d-max-1-mkr: insatser med evidensgrad D får kosta högst 1 mkr",
    );
    expect(
      localizeRuleLine(
        "c-rule: evidence grade C: expected effects shrunk by a fifth (impact × 0.8)",
        pairs,
        "sv",
      ),
    ).toBe("c-rule: evidensgrad C: förväntade effekter minskade med en femtedel (effekten × 0,8)");
  });

  it("writes the factor of an adjust rule in Swedish words and with a decimal comma, in English as the engine did", () => {
    expect(localizeRuleLine("r: no pair (impact × 1.25)", [], "sv")).toBe("r: no pair (effekten × 1,25)");
    expect(localizeRuleLine("r: no pair (impact × 2)", [], "sv")).toBe("r: no pair (effekten × 2)");
    expect(localizeRuleLine("r: no pair (impact × 1.25)", [], "en")).toBe("r: no pair (impact × 1.25)");
  });

  it("leaves an English line in English for the English UI, and shows a Swedish one in English", () => {
    expect(localizeRuleLine("evidence grade D may not exceed 1 MSEK", pairs, "en")).toBe(
      "evidence grade D may not exceed 1 MSEK",
    );
    expect(localizeRuleLine("insatser med evidensgrad D får kosta högst 1 mkr", pairs, "en")).toBe(
      "evidence grade D may not exceed 1 MSEK",
    );
  });

  it("leaves a reason without a pair as it is", () => {
    expect(localizeRuleLine("r: grade D over 1 MSEK", pairs, "sv")).toBe("r: grade D over 1 MSEK");
    expect(localizeRuleLine("anything", [], "sv")).toBe("anything");
  });
});

describe("ruleTextPairs", () => {
  it("collects the pairs of the shipped rule set's reasons and messages, not plain strings", () => {
    const shipped = ruleTextPairs(getRuleSet("helsingborg-2026")!.rules);
    // exclude, require, flag and adjust carry a pair; cap has no text
    expect(shipped.map((p) => p.en)).toEqual([
      "evidence grade D may not exceed 1 MSEK",
      "statutory duties are required",
      "a target's score is uncertain (u > 5 points): check the measurement before deciding",
      "evidence grade C: expected effects shrunk by a fifth",
    ]);
    const plain = RuleSchema.parse({
      name: "p",
      conditions: { all: [{ fact: "intervention", operator: "equal", value: 1 }] },
      event: { type: "exclude", params: { reason: "plain" } },
    });
    expect(ruleTextPairs([plain])).toEqual([]);
  });
});
