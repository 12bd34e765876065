import type { Rule } from "../../engine/rules/rule-schema";
import type { Locale } from "~/i18n/messages";

/** A rule's reason or message in both languages. */
export interface RuleTextPair {
  sv: string;
  en: string;
}

/** The Swedish/English pairs among a rule set's reasons and messages (plain strings have none). */
export function ruleTextPairs(rules: readonly Rule[]): RuleTextPair[] {
  return rules.flatMap((r) => {
    const p = r.event.params as { reason?: unknown; message?: unknown } | undefined;
    return [p?.reason, p?.message].filter(
      (x): x is RuleTextPair => typeof x === "object" && x !== null && "sv" in x && "en" in x,
    );
  });
}

/**
 * A stored reason line (the engine writes a pair's English, e.g. "evidens-d-max-1-mkr: evidence grade
 * D …", and a round stores the reason alone) in the user's language: the first pair whose other-language
 * text it contains has that text replaced. A line without a pair comes back as it is.
 */
export function localizeRuleLine(line: string, pairs: readonly RuleTextPair[], locale: Locale): string {
  const other: Locale = locale === "sv" ? "en" : "sv";
  const pair = pairs.find((p) => p[other] !== p[locale] && line.includes(p[other]));
  const text = pair ? line.replace(pair[other], pair[locale]) : line;
  // an adjust rule's factor as the engine appends it, "(impact × 0.8)", in Swedish words and decimals
  return locale === "sv"
    ? text
        .replace(/\(impact × (-?\d+)\.(\d+)\)/g, "(effekten × $1,$2)")
        .replace(/\(impact × /g, "(effekten × ")
    : text;
}
