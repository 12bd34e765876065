import { describe, expect, it } from "vitest";
import { RoundEventSchema } from "../../../../engine/workflow/round-events";
import { scopeSummary } from "~/components/round/round-summary";
import { en, sv, translate, type Locale, type MessageKey } from "~/i18n/messages";

const tr = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) =>
  translate(locale, key, vars);

describe("scopeSummary", () => {
  const scope = {
    areas: ["1283", "0000"],
    groups: ["age_20_44_f", "age_20_44_m", "age_80p_f"],
    period: { from: "2027", to: "2027" },
    budget: 20_000_000,
  };
  const names = { "1283": "Helsingborg", "0000": "Sweden" };

  it("names the areas, not their ids, and a one-year period once", () => {
    expect(scopeSummary(tr("en"), "en", scope, names)).toBe(
      "Areas: Helsingborg, Sweden; 3 population groups; period 2027; budget SEK 20,000,000",
    );
  });

  it("gives a period of several years as from–to, in Swedish with Swedish thousands", () => {
    const s = scopeSummary(tr("sv"), "sv", { ...scope, period: { from: "2027", to: "2029" } }, names);
    expect(s.replace(/\u00a0/g, " ")).toBe(
      "Områden: Helsingborg, Sweden; 3 befolkningsgrupper; period 2027–2029; budget 20 000 000 kr",
    );
  });

  it("shows an area it has no name for by its id", () => {
    expect(scopeSummary(tr("en"), "en", { ...scope, areas: ["9999"] }, {})).toContain("Areas: 9999;");
  });
});

describe("the audit trail's event names", () => {
  it("has a Swedish and an English name for every round event and the round's own entries", () => {
    const types = [
      ...RoundEventSchema.options.map((o) => o.shape.type.value),
      "round.created",
      "round.change_refused",
    ];
    expect(types.length).toBeGreaterThan(15);
    for (const type of types) {
      const key = `audit.${type}`;
      expect(sv, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
      expect((sv as Record<string, string>)[key], key).not.toBe((en as Record<string, string>)[key]);
    }
  });
});
