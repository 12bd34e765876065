import { applyRoundEvent, createRound, persistRound, type Actor } from "../../engine/workflow";
import demoRoundJson from "../../scenarios/demo/helsingborg-round.json";
import { DemoRoundSchema, toAnalysisInterventions } from "../../scenarios/demo/schema";
import { appendAuditEvent } from "../repositories/audit-repository";
import { listInterventions, saveIntervention } from "../repositories/intervention-repository";
import { createRound as insertRound, findRoundById } from "../repositories/round-repository";
import { inTransaction } from "../repositories/transaction";
import type { Db } from "../schema";

/** The demo round's id (the same as the demo file's). */
export const DEMO_ROUND_ID = "helsingborg-2027-demo";

/** Who the seed acts as in the audit trail: setup itself, in the admin role. */
const SEED_ACTOR: Actor = { userId: "livsval-setup", role: "admin" };

export interface DemoRoundSeedSummary {
  /** Candidate interventions inserted now (existing ones are left as they are). */
  interventions: number;
  /** Whether the round was created now (false when it was already there). */
  round: boolean;
}

/**
 * Seed the demo prioritisation round for Helsingborg from scenarios/demo/helsingborg-round.json:
 * its 17 candidate interventions (inserted when missing, never overwritten) and a round scoped to
 * Helsingborg, all ten age band × sex groups, the demo period and budget. The round is left in
 * `scoped` so a newcomer can click through needs, candidates, rules, scenario, analysis, proposal,
 * committee and follow-up. Idempotent: a second call changes nothing.
 * @param db - the database (or a transaction)
 * @param options.now - the time stamped on the round and its audit events (ISO 8601); now by default
 */
export async function seedDemoRound(db: Db, options: { now?: string } = {}): Promise<DemoRoundSeedSummary> {
  const demo = DemoRoundSchema.parse(demoRoundJson);
  const at = options.now ?? new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const existing = new Set((await listInterventions(trx)).map((iv) => iv.id));
    let interventions = 0;
    for (const iv of toAnalysisInterventions(demo)) {
      if (existing.has(iv.id)) continue;
      const candidate = demo.candidates.find((c) => c.id === iv.id)!;
      await saveIntervention(
        trx,
        {
          id: iv.id,
          label: iv.label,
          description: candidate.description.sv,
          cost: iv.cost,
          attributes: iv.attributes,
          department: candidate.department.sv,
          evidence_grade: candidate.evidenceGrade,
          effects: iv.effects.map((e) => ({
            segment_id: e.segment,
            dimension_id: e.dimension,
            change: e.change,
            reach: e.reach,
          })),
        },
        { now: at },
      );
      interventions++;
    }
    if (await findRoundById(trx, DEMO_ROUND_ID)) return { interventions, round: false };

    const draft = createRound({
      roundId: DEMO_ROUND_ID,
      title: demo.title.sv,
      createdBy: SEED_ACTOR,
      createdAt: at,
      committeeQuorum: 1,
    });
    const scoped = applyRoundEvent(draft, {
      type: "scope.submitted",
      actor: SEED_ACTOR,
      at,
      reason: "demo round seeded by livsval setup (illustrative)",
      scope: {
        areas: [demo.area],
        groups: demo.segments.map((s) => s.id.split(":")[1]!),
        period: { from: demo.period.from.slice(0, 4), to: demo.period.to.slice(0, 4) },
        budget: demo.budget,
      },
    });
    if (!scoped.ok) throw new Error(`seedDemoRound: ${scoped.error}`);
    const persisted = persistRound(scoped.snapshot);
    await insertRound(
      trx,
      {
        id: DEMO_ROUND_ID,
        title: demo.title.sv,
        machine_version: persisted.machineVersion,
        snapshot: JSON.parse(JSON.stringify(persisted.snapshot)) as unknown,
        state: persisted.state,
        created_by: SEED_ACTOR.userId,
      },
      { now: at },
    );
    const audit = scoped.auditEvent;
    for (const entry of [
      { action: "round.created", from_state: null, to_state: "draft", reason: null },
      { action: audit.type, from_state: audit.from, to_state: audit.to, reason: audit.reason },
    ]) {
      await appendAuditEvent(
        trx,
        {
          user_id: SEED_ACTOR.userId,
          entity: "round",
          entity_id: DEMO_ROUND_ID,
          ...entry,
          payload: { machineVersion: persisted.machineVersion, role: SEED_ACTOR.role },
        },
        { at },
      );
    }
    return { interventions, round: true };
  });
}
