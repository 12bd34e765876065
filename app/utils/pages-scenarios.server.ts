import { z } from "zod";
import { suppressSmallCells } from "../../engine/disclosure";
import { findAreaProfileData } from "../../db/repositories/profile-repository";
import { appendAuditEvent } from "../../db/repositories/audit-repository";
import {
  findLatestRuleSet,
  findLatestScenario,
  findScenarioVersion,
  listRuleSets as listStoredRuleSets,
  listRuleSetVersions,
  listScenarios as listStoredScenarios,
  listScenarioVersions,
  saveRuleSetVersion,
  saveScenarioVersion,
  type VersionSummary,
} from "../../db/repositories/scenario-repository";
import { inRetriedTransaction } from "../../db/repositories/transaction";
import type { Db } from "../../db/schema";
import { getRuleSet, getScenario, listRuleSets, listScenarios } from "../../scenarios/index";
import {
  DIMENSIONS,
  RuleSetSchema,
  ScenarioSchema,
  type RuleSet,
  type Scenario,
} from "../../scenarios/schema";
import { EPSILON_MAX, WEIGHT_MAX, type PreviewInput } from "~/components/pages/scenario-preview";

export { EPSILON_MAX, WEIGHT_MAX };
import type { Locale } from "~/i18n/messages";
import { buildAreaProfile } from "./profile.server";

export const HOME_AREA = "1283";

export type WeightKind = "exact" | "intervals" | "order" | "none";

/** Which of the four weight forms of DESIGN §1 a scenario uses. */
export function weightKind(s: Scenario): WeightKind {
  const w = s.weights;
  if (w === "none") return "none";
  if (Array.isArray((w as { order?: unknown }).order)) return "order";
  return Object.values(w as Record<string, unknown>).every((v) => typeof v === "number")
    ? "exact"
    : "intervals";
}

/**
 * Starting slider values (0–10, the largest weight at 10) for any weight form: exact weights as they
 * are, interval midpoints, rank-order centroid weights for a ranking (Barron & Barrett 1996,
 * Management Science 42(11)), equal weights when none are stated.
 */
export function sliderWeights(s: Scenario): Record<string, number> {
  const ids = DIMENSIONS.map((d) => d.id);
  const w = s.weights;
  let raw: Record<string, number>;
  if (w === "none") raw = Object.fromEntries(ids.map((d) => [d, 1]));
  else if (Array.isArray((w as { order?: unknown }).order)) {
    const order = (w as { order: string[] }).order;
    const n = order.length;
    raw = Object.fromEntries(ids.map((d) => [d, 0]));
    order.forEach((d, k) => {
      let roc = 0;
      for (let j = k + 1; j <= n; j++) roc += 1 / j;
      raw[d] = roc / n;
    });
  } else {
    const rec = w as Record<string, number | [number, number]>;
    raw = Object.fromEntries(
      ids.map((d) => {
        const v = rec[d];
        return [d, v === undefined ? 0 : typeof v === "number" ? v : (v[0] + v[1]) / 2];
      }),
    );
  }
  const top = Math.max(...Object.values(raw));
  return Object.fromEntries(
    ids.map((d) => [d, top > 0 ? Math.round((raw[d]! / top) * WEIGHT_MAX * 10) / 10 : WEIGHT_MAX / 2]),
  );
}

export interface DocumentRow<T> {
  doc: T;
  origin: "bundled" | "saved";
  savedAt: string | null;
}

/** The newest version of a scenario: the database's when it has one, else the shipped file's. */
export async function latestScenario(db: Db, id: string): Promise<DocumentRow<Scenario> | null> {
  const stored = await findLatestScenario(db, id, ScenarioSchema);
  if (stored) return { doc: stored.json, origin: "saved", savedAt: stored.created_at };
  const bundled = getScenario(id);
  return bundled ? { doc: bundled, origin: "bundled", savedAt: null } : null;
}

/** One version of a scenario (stored, or the shipped file when none is stored), or null. */
export async function scenarioVersion(
  db: Db,
  id: string,
  version: number,
): Promise<DocumentRow<Scenario> | null> {
  const stored = await findScenarioVersion(db, id, version, ScenarioSchema);
  if (stored) return { doc: stored.json, origin: "saved", savedAt: stored.created_at };
  const bundled = getScenario(id);
  const anyStored = (await listScenarioVersions(db, id)).length > 0;
  return bundled && !anyStored && bundled.version === version
    ? { doc: bundled, origin: "bundled", savedAt: null }
    : null;
}

/** The newest version of a rule set: the database's when it has one, else the shipped file's. */
export async function latestRuleSet(db: Db, id: string): Promise<DocumentRow<RuleSet> | null> {
  const stored = await findLatestRuleSet(db, id, RuleSetSchema);
  if (stored) return { doc: stored.json, origin: "saved", savedAt: stored.created_at };
  const bundled = getRuleSet(id);
  return bundled ? { doc: bundled, origin: "bundled", savedAt: null } : null;
}

async function allIds(
  stored: Promise<VersionSummary[]>,
  bundled: readonly { id: string }[],
): Promise<string[]> {
  const ids = bundled.map((b) => b.id);
  for (const s of await stored) if (!ids.includes(s.id)) ids.push(s.id);
  return ids;
}

/** Every scenario (shipped and saved), newest version each, in display order. */
export async function listScenarioRows(db: Db): Promise<DocumentRow<Scenario>[]> {
  const ids = await allIds(listStoredScenarios(db), listScenarios());
  const rows = await Promise.all(ids.map((id) => latestScenario(db, id)));
  return rows.filter((r): r is DocumentRow<Scenario> => r !== null);
}

/** Every rule set (shipped and saved), newest version each. */
export async function listRuleSetRows(db: Db): Promise<DocumentRow<RuleSet>[]> {
  const ids = await allIds(listStoredRuleSets(db), listRuleSets());
  const rows = await Promise.all(ids.map((id) => latestRuleSet(db, id)));
  return rows.filter((r): r is DocumentRow<RuleSet> => r !== null);
}

/** The versions of a scenario or rule set: the shipped one (when not yet stored) and the stored ones. */
export async function versionList(db: Db, kind: "scenario" | "ruleSet", id: string): Promise<number[]> {
  const stored = await (kind === "scenario" ? listScenarioVersions(db, id) : listRuleSetVersions(db, id));
  if (stored.length > 0) return stored.map((v) => v.version);
  const bundled = kind === "scenario" ? getScenario(id) : getRuleSet(id);
  return bundled ? [bundled.version] : [];
}

/**
 * The profiles the preview weighs: Helsingborg's whole-area and segment dimension scores (latest
 * period, GUM uncertainties), restricted to dimensions every one of them has. Null without data.
 */
export async function loadPreviewInput(db: Db, locale: Locale): Promise<PreviewInput | null> {
  const data = await findAreaProfileData(db, HOME_AREA);
  if (!data) return null;
  // Scores go to the browser: observations resting on fewer than 10 respondents do not enter them.
  const shown = data.observations.filter((o) => o.n === null || isShown(o.n));
  const profile = buildAreaProfile({ ...data, observations: shown }, locale);
  const known = (s: { value: number; u: number | null } | null | undefined) => s !== null && s !== undefined;
  const dims = profile.dimensions.filter(
    (d) => known(d.score) && profile.segments.every((s) => known(s.scores[d.id])),
  );
  if (dims.length === 0) return null;
  const scores = (get: (d: string) => { value: number; u: number | null } | null | undefined) =>
    Object.fromEntries(
      dims.map((d) => {
        const s = get(d.id)!;
        return [d.id, { value: s.value, u: s.u ?? 0 }];
      }),
    );
  return {
    dimensions: dims.map((d) => ({ id: d.id, label: d.label })),
    area: {
      label: profile.area.name,
      scores: scores((id) => profile.dimensions.find((d) => d.id === id)!.score),
    },
    segments: profile.segments.map((s) => ({
      id: s.id,
      label: s.label,
      population: s.population,
      scores: scores((id) => s.scores[id]),
    })),
  };
}

/** Whether a cell of n respondents passes the engine's small-cell rule (DESIGN §2). */
function isShown(n: number): boolean {
  return !suppressSmallCells([{ n, x: 0 }], { fields: ["x"] })[0]!.suppressed;
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** The scenario editor's fields. */
export const ScenarioFormSchema = z.object({
  intent: z.enum(["preview", "save"]),
  labelSv: text(200),
  labelEn: text(200),
  descriptionSv: text(2000),
  descriptionEn: text(2000),
  epsilon: z.coerce.number().min(0).max(EPSILON_MAX),
  weights: z.record(z.string(), z.coerce.number().min(0).max(WEIGHT_MAX)),
});

/** The next version of a document whose versions so far are `versions` (none: 1). */
function nextVersion(versions: VersionSummary[]): number {
  return (versions.at(-1)?.version ?? 0) + 1;
}

/**
 * Store a scenario as its next version with an audit event, in one transaction. The first save of a
 * shipped scenario first stores the shipped file as version 1, so the stored history is complete.
 */
export async function saveScenarioAsNewVersion(db: Db, scenario: Scenario, userId: string): Promise<number> {
  return inRetriedTransaction(db, async (trx) => {
    let versions = await listScenarioVersions(trx, scenario.id);
    const bundled = getScenario(scenario.id);
    if (versions.length === 0 && bundled) {
      await saveScenarioVersion(trx, bundled.id, bundled, { createdBy: null });
      versions = await listScenarioVersions(trx, scenario.id);
    }
    const version = nextVersion(versions);
    const doc = ScenarioSchema.parse({ ...scenario, version });
    const saved = await saveScenarioVersion(trx, doc.id, doc, { createdBy: userId });
    await appendAuditEvent(trx, {
      user_id: userId,
      action: "scenario.version_saved",
      entity: "scenario",
      entity_id: doc.id,
      payload: { version: saved.version, weights: doc.weights, inequalityAversion: doc.inequalityAversion },
    });
    return saved.version;
  });
}

/** Store a rule set as its next version with an audit event (shipped file first, as for scenarios). */
export async function saveRuleSetAsNewVersion(db: Db, ruleSet: RuleSet, userId: string): Promise<number> {
  return inRetriedTransaction(db, async (trx) => {
    let versions = await listRuleSetVersions(trx, ruleSet.id);
    const bundled = getRuleSet(ruleSet.id);
    if (versions.length === 0 && bundled) {
      await saveRuleSetVersion(trx, bundled.id, bundled, { createdBy: null });
      versions = await listRuleSetVersions(trx, ruleSet.id);
    }
    const version = nextVersion(versions);
    const doc = RuleSetSchema.parse({ ...ruleSet, version });
    const saved = await saveRuleSetVersion(trx, doc.id, doc, { createdBy: userId });
    await appendAuditEvent(trx, {
      user_id: userId,
      action: "rule_set.version_saved",
      entity: "rule_set",
      entity_id: doc.id,
      payload: { version: saved.version, rules: doc.rules.length },
    });
    return saved.version;
  });
}

/** A zod path as one readable string: `rules[0].event.type`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (s, p) => (typeof p === "number" ? `${s}[${p}]` : s === "" ? String(p) : `${s}.${String(p)}`),
      "",
    ) || "(document)"
  );
}
