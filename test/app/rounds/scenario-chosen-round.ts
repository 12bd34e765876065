// A copy of the seeded demo round taken to `scenarioChosen`, for tests and benchmarks that analyse it.
import { DEMO_ROUND_ID } from "../../../db/seed/demo-round";
import type { Db } from "../../../db/schema";
import type { Actor, RoundEvent } from "../../../engine/workflow";
import demo from "../../../scenarios/demo/helsingborg-round.json";
import { loadRuleSets, runRoundRules } from "../../../app/utils/round-data.server";
import { applyStoredRoundEvent, createStoredRound, loadRound } from "../../../app/utils/rounds.server";

async function step(db: Db, id: string, event: RoundEvent): Promise<void> {
  const outcome = await applyStoredRoundEvent(db, id, event);
  if (!outcome.ok) throw new Error(`scenarioChosenRound: ${event.type} refused: ${outcome.error}`);
}

/**
 * A copy of the seeded demo round (its scope; `seedDemoRound` must have run) taken to `scenarioChosen`
 * the way a newcomer clicks through it: needs, every demo candidate, the Helsingborg rule set (its
 * exclusions kept), the primary scenario and the sensitivity scenarios. A fresh copy per analysis,
 * since an analysed round cannot be analysed again.
 */
export async function scenarioChosenRound(
  db: Db,
  id: string,
  options: { actor: Actor; at: string; primary: string; sensitivity: string[] },
): Promise<void> {
  const { actor, at } = options;
  const scope = (await loadRound(db, DEMO_ROUND_ID))!.context.scope!;
  await createStoredRound(db, { id, title: `copy ${id}`, actor, at });
  await step(db, id, { type: "scope.submitted", actor, at, scope });
  await step(db, id, {
    type: "needs.reviewed",
    actor,
    at,
    profileRefs: ["1283:age_80p_f"],
    note: "copy of the demo round",
  });
  await step(db, id, {
    type: "candidates.chosen",
    actor,
    at,
    candidateIds: demo.candidates.map((c) => c.id),
  });
  const ruleSet = loadRuleSets().find((r) => r.id === "helsingborg-2026")!;
  const exclusions = await runRoundRules(db, (await loadRound(db, id))!.context, ruleSet, "sv");
  await step(db, id, {
    type: "rules.applied",
    actor,
    at,
    ruleSet: { id: ruleSet.id, version: String(ruleSet.version) },
    exclusions,
  });
  await step(db, id, {
    type: "scenario.chosen",
    actor,
    at,
    primary: options.primary,
    sensitivity: options.sensitivity,
  });
}
