import { Engine } from "json-rules-engine";
import { EngineInputError } from "../errors";
import { ruleText, type Rule, type RuleEvent } from "./rule-schema";
import type { TargetFacts } from "./target-facts";

/** One leaf condition as it was evaluated: what it asked and the fact value it saw. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  /** The value the fact (at `path`) had; absent when the engine did not need to evaluate it. */
  factValue?: unknown;
  result: boolean;
}

/** A rule that fired for a candidate, with the conditions it evaluated. */
export interface FiredRule {
  rule: string;
  event: RuleEvent;
  conditions: ConditionTrace[];
}

/** What a rule set decided about one candidate. */
export interface RuleOutcome {
  candidate: string;
  /** Excluded when any `exclude` rule fired. */
  excluded: boolean;
  /** Some `require` rule fired: the candidate must be in the portfolio. */
  required: boolean;
  /** Product of the factors of every `adjust` rule that fired (1 when none). */
  factor: number;
  /** Why: one line per exclude/require/adjust rule that fired ("rule name: reason", a pair's English). */
  reasons: string[];
  /** Warnings for the committee from `flag` rules ("rule name: message", a pair's English). */
  flags: string[];
  /** Budget caps per department from `cap` rules. */
  caps: { department: string; amount: number }[];
  /** Every rule that fired, in the order the engine fired them. */
  trace: FiredRule[];
}

/** The facts a rule sees for one candidate (DESIGN §5). */
export interface RuleFacts {
  /** The candidate as in the analysis file, plus `expectedCost` (SEK, mean of its cost). */
  intervention: { id: string; expectedCost: number } & Record<string, unknown>;
  target: TargetFacts;
}

interface ConditionJson {
  all?: ConditionJson[];
  any?: ConditionJson[];
  not?: ConditionJson;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
}

function leaves(c: ConditionJson | undefined, out: ConditionTrace[]): ConditionTrace[] {
  if (!c) return out;
  for (const sub of c.all ?? []) leaves(sub, out);
  for (const sub of c.any ?? []) leaves(sub, out);
  if (c.not) leaves(c.not, out);
  if (c.fact !== undefined && c.result !== undefined) {
    const t: ConditionTrace = { fact: c.fact, operator: c.operator!, value: c.value, result: c.result };
    if (c.path !== undefined) t.path = c.path;
    if ("factResult" in c) t.factValue = c.factResult ?? null;
    out.push(t);
  }
  return out;
}

/**
 * Run a rule set once per candidate with json-rules-engine (DESIGN §5) and collect what the
 * rules decided: exclusions with reasons, requirements, impact adjustments (their product),
 * flags and department caps, with a trace of every rule that fired and the fact values it saw.
 * Candidates are evaluated one after another on a fresh engine, so the result does not depend
 * on any state but the inputs; the inputs are copied before the engine sees them.
 *
 * @param rules - validated rules ({@link RuleSchema})
 * @param candidates - the facts of each candidate
 * @returns one outcome per candidate, in input order
 * @throws EngineInputError when json-rules-engine refuses a rule
 */
export async function evaluateRules(
  rules: readonly Rule[],
  candidates: readonly RuleFacts[],
): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  for (const facts of candidates) {
    const outcome: RuleOutcome = {
      candidate: facts.intervention.id,
      excluded: false,
      required: false,
      factor: 1,
      reasons: [],
      flags: [],
      caps: [],
      trace: [],
    };
    if (rules.length === 0) {
      outcomes.push(outcome);
      continue;
    }
    let engine: Engine;
    try {
      engine = new Engine(structuredClone(rules) as never, { allowUndefinedFacts: true });
    } catch (e) {
      throw new EngineInputError("evaluateRules", `a rule was refused: ${(e as Error).message}`);
    }
    const { results } = await engine.run(structuredClone(facts) as unknown as Record<string, unknown>);
    const byName = new Map(rules.map((r) => [r.name, r]));
    const position = new Map(rules.map((r, k) => [r.name, k]));
    // the engine runs rules of one priority concurrently: report them in rule-set order
    const fired = [...results].sort(
      (a, b) => position.get(a.name as string)! - position.get(b.name as string)!,
    );
    for (const r of fired) {
      const rule = byName.get(r.name as string)!;
      const json = r.toJSON(false) as unknown as { conditions: ConditionJson };
      const event = rule.event;
      outcome.trace.push({
        rule: rule.name,
        event: structuredClone(event),
        conditions: leaves(json.conditions, []),
      });
      switch (event.type) {
        case "exclude":
          outcome.excluded = true;
          outcome.reasons.push(`${rule.name}: ${ruleText(event.params.reason)}`);
          break;
        case "require":
          outcome.required = true;
          outcome.reasons.push(`${rule.name}: ${event.params ? ruleText(event.params.reason) : "required"}`);
          break;
        case "adjust":
          outcome.factor *= event.params.factor;
          outcome.reasons.push(
            `${rule.name}: ${ruleText(event.params.reason)} (impact × ${event.params.factor})`,
          );
          break;
        case "flag":
          outcome.flags.push(`${rule.name}: ${ruleText(event.params.message)}`);
          break;
        case "cap":
          outcome.caps.push({ department: event.params.department, amount: event.params.amount });
          break;
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
