import { z } from "zod";
import { DistSchema, type Dist } from "../../engine/random";
import type { Db, Intervention, InterventionEffect } from "../schema";
import { JsonSchema, parseJsonColumn, type Json } from "./json-column";
import { chunkForInsert, inTransaction } from "./transaction";

const AttributesSchema = z.record(z.string(), JsonSchema);

/** An effect with its change distribution parsed. */
export type InterventionEffectRecord = Omit<InterventionEffect, "intervention_id" | "change"> & {
  change: Dist;
};

/** An intervention with cost and attributes parsed and its effects. */
export type InterventionRecord = Omit<Intervention, "cost" | "attributes"> & {
  cost: Dist;
  attributes: Record<string, Json>;
  effects: InterventionEffectRecord[];
};

/** What {@link saveIntervention} stores (timestamps are set by it). */
export interface InterventionInput {
  id: string;
  label: string;
  description?: string | null;
  cost: Dist;
  attributes?: Record<string, Json>;
  department?: string | null;
  evidence_grade?: string | null;
  effects: readonly { segment_id: string; dimension_id: string; change: Dist; reach: number }[];
}

/**
 * Insert or replace an intervention and all its effects in one transaction. Cost and changes are
 * validated as DESIGN §7 distributions first.
 */
export async function saveIntervention(
  db: Db,
  input: InterventionInput,
  options: { now?: string } = {},
): Promise<InterventionRecord> {
  const now = options.now ?? new Date().toISOString();
  const cost = DistSchema.parse(input.cost);
  const attributes = AttributesSchema.parse(input.attributes ?? {});
  const effects = input.effects.map((e) => ({
    intervention_id: input.id,
    segment_id: e.segment_id,
    dimension_id: e.dimension_id,
    change: JSON.stringify(DistSchema.parse(e.change)),
    reach: z.number().min(0).max(1).parse(e.reach),
  }));
  const row = {
    id: input.id,
    label: input.label,
    description: input.description ?? null,
    cost: JSON.stringify(cost),
    attributes: JSON.stringify(attributes),
    department: input.department ?? null,
    evidence_grade: input.evidence_grade ?? null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("interventions")
      .values(row)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          label: eb.ref("excluded.label"),
          description: eb.ref("excluded.description"),
          cost: eb.ref("excluded.cost"),
          attributes: eb.ref("excluded.attributes"),
          department: eb.ref("excluded.department"),
          evidence_grade: eb.ref("excluded.evidence_grade"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
    await trx.deleteFrom("intervention_effects").where("intervention_id", "=", input.id).execute();
    for (const chunk of chunkForInsert(effects, 5))
      await trx.insertInto("intervention_effects").values(chunk).execute();
  });
  return (await findInterventionById(db, input.id))!;
}

function parseIntervention(row: Intervention, effects: InterventionEffect[]): InterventionRecord {
  return {
    ...row,
    cost: parseJsonColumn(row.cost, DistSchema),
    attributes: parseJsonColumn(row.attributes, AttributesSchema),
    effects: effects.map((e) => ({
      segment_id: e.segment_id,
      dimension_id: e.dimension_id,
      change: parseJsonColumn(e.change, DistSchema),
      reach: e.reach,
    })),
  };
}

export async function findInterventionById(db: Db, id: string): Promise<InterventionRecord | null> {
  const row = await db.selectFrom("interventions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const effects = await db
    .selectFrom("intervention_effects")
    .selectAll()
    .where("intervention_id", "=", id)
    .orderBy("segment_id")
    .orderBy("dimension_id")
    .execute();
  return parseIntervention(row, effects);
}

/** Interventions ordered by id, each with its effects; optionally only the given ids. */
export async function listInterventions(
  db: Db,
  filter: { ids?: readonly string[] } = {},
): Promise<InterventionRecord[]> {
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  let rowsQ = db.selectFrom("interventions").selectAll().orderBy("id");
  let effectsQ = db
    .selectFrom("intervention_effects")
    .selectAll()
    .orderBy("segment_id")
    .orderBy("dimension_id");
  if (filter.ids !== undefined) {
    rowsQ = rowsQ.where("id", "in", filter.ids);
    effectsQ = effectsQ.where("intervention_id", "in", filter.ids);
  }
  const [rows, effects] = await Promise.all([rowsQ.execute(), effectsQ.execute()]);
  const byIntervention = new Map<string, InterventionEffect[]>();
  for (const e of effects) {
    const list = byIntervention.get(e.intervention_id) ?? [];
    list.push(e);
    byIntervention.set(e.intervention_id, list);
  }
  return rows.map((r) => parseIntervention(r, byIntervention.get(r.id) ?? []));
}

/** Delete an intervention and its effects; true when it existed. */
export async function deleteIntervention(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("intervention_effects").where("intervention_id", "=", id).execute();
    const r = await trx.deleteFrom("interventions").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}
