import type { Insertable, Kysely, Selectable, Updateable } from "kysely";

/*
 * Table types for Livsval's database (SQLite by default, PostgreSQL when DATABASE_URL is postgres://…).
 *
 * Portable storage conventions, the same in both databases:
 * - timestamps and dates are ISO 8601 text (`2026-12-04T21:00:00.000Z`, `2024-03-01`), so they sort as text;
 * - JSON columns are text holding JSON; repositories parse them with zod on the way out;
 * - flags are integers 0 or 1 (SQLite has no boolean type);
 * - periods are text ("2023", or a span such as "2019-2022");
 * - real numbers are `double precision`, never single precision.
 */

/** A 0/1 flag column. */
export type Flag = 0 | 1;

export type AreaKind = "municipality" | "district";
export type DimensionKind = "current" | "capital";
export type IndicatorDirection = "higher" | "lower";
export type IndicatorKind = "objective" | "subjective";
export type IndicatorLevel = "individual" | "societal";
export type Role = "viewer" | "analyst" | "budget_planner" | "committee" | "admin";

/** A municipality (Kolada id, e.g. "1283") or a district inside one (e.g. synthetic "1283-S1"). */
export interface AreaTable {
  id: string;
  name: string;
  kind: AreaKind;
  parent_id: string | null;
  synthetic: Flag;
}

/**
 * A population group. `dimension` says what it partitions by: "age", "sex", "age_sex" (the project's
 * age band × sex codes such as "age_20_44_f"), "birth_region", "income_quintile", "disability", "all".
 */
export interface PopulationGroupTable {
  code: string;
  dimension: string;
  label: string;
}

/** One area × group cell with its population count N_s in a period. `id` is "<areaId>:<groupCode>". */
export interface SegmentTable {
  id: string;
  area_id: string;
  group_code: string;
  period: string;
  population: number;
  dataset_id: string | null;
}

/** A QoL dimension (OECD current well-being dimension or capital for future QoL). */
export interface DimensionTable {
  id: string;
  label_sv: string;
  label_en: string;
  kind: DimensionKind;
  sort: number;
}

/** One measured quantity in a dimension, with its goalposts for the 0–100 normalisation (DESIGN §2). */
export interface IndicatorTable {
  id: string;
  dimension_id: string;
  label: string;
  unit: string;
  direction: IndicatorDirection;
  kind: IndicatorKind;
  level: IndicatorLevel;
  goal_lo: number | null;
  goal_hi: number | null;
  source: string;
}

/** An imported file with its provenance; `sha256` of its bytes is unique so a file is imported once. */
export interface DatasetTable {
  id: string;
  source: string;
  licence: string;
  retrieved: string;
  sha256: string;
  kind: string;
  file_name: string;
  row_count: number;
  synthetic: Flag;
  note: string | null;
}

/**
 * Indicator × area (× group, null for the whole area) × period → value with standard uncertainty `u`
 * and sample size `n` (both null when unknown). Unique on indicator, area, group and period.
 */
export interface ObservationTable {
  indicator_id: string;
  area_id: string;
  group_code: string | null;
  period: string;
  value: number;
  u: number | null;
  n: number | null;
  dataset_id: string;
}

export interface SurveyInstrumentTable {
  id: string;
  label: string;
  description: string | null;
  dataset_id: string | null;
}

/** A survey item; `categories` is JSON: an array of category labels for scores 0..m. */
export interface SurveyItemTable {
  instrument_id: string;
  code: string;
  text: string;
  categories: string;
  sort: number;
}

/** A pseudonymous respondent with its design variables (weight, stratum, cluster/PSU). */
export interface SurveyRespondentTable {
  id: string;
  instrument_id: string;
  weight: number;
  stratum: string | null;
  cluster: string | null;
  area_id: string | null;
  group_code: string | null;
}

/** One answer; `value` null for a missing answer. */
export interface SurveyResponseTable {
  respondent_id: string;
  instrument_id: string;
  item_code: string;
  value: number | null;
}

/** A candidate intervention; `cost` is a DESIGN §7 Dist as JSON, `attributes` a JSON object of rule facts. */
export interface InterventionTable {
  id: string;
  label: string;
  description: string | null;
  cost: string;
  attributes: string;
  department: string | null;
  evidence_grade: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * An intervention's effect on one segment and dimension: `change` a Dist as JSON, `reach` in 0..1.
 * `segment_id` is "<areaId>:<groupCode>"; not a foreign key, since segments are stored per period.
 */
export interface InterventionEffectTable {
  intervention_id: string;
  segment_id: string;
  dimension_id: string;
  change: string;
  reach: number;
}

/** A versioned weighting scenario (JSON), unique on id + version. */
export interface ScenarioTable {
  id: string;
  version: number;
  json: string;
  created_by: string | null;
  created_at: string;
}

/** A versioned json-rules-engine rule set (JSON), unique on id + version. */
export interface RuleSetTable {
  id: string;
  version: number;
  json: string;
  created_by: string | null;
  created_at: string;
}

/**
 * A prioritisation round: the persisted xstate snapshot (JSON) with the machine version that wrote it.
 * `version` counts saves, for optimistic concurrency.
 */
export interface RoundTable {
  id: string;
  title: string;
  machine_version: string;
  snapshot: string;
  state: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The append-only audit log, a hash chain: `hash` = sha256(prev_hash + canonical JSON of the event).
 * UPDATE and DELETE are refused by triggers.
 */
export interface AuditEventTable {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  created_at: string;
  disabled: Flag;
}

/** A signed-in session; `id` is the sha256 (hex) of the cookie's token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: string;
  expires_at: string;
  csrf_token: string;
  created_at: string;
}

/** A comparison group of areas (e.g. Kolada's "Liknande kommuner"), with where it comes from. */
export interface AreaGroupTable {
  id: string;
  title: string;
  source: string;
  dataset_id: string | null;
}

export interface AreaGroupMemberTable {
  group_id: string;
  area_id: string;
}

/**
 * A value of a published series (e.g. WHR ladder, OECD BLI) for a country or region, kept for
 * international comparison; `u` is the standard uncertainty (stated or a documented assumption).
 */
export interface ReferenceValueTable {
  series: string;
  series_label: string;
  unit: string;
  direction: IndicatorDirection;
  entity_code: string;
  entity_name: string;
  entity_kind: "country" | "region";
  period: string;
  value: number;
  u: number | null;
  dataset_id: string;
}

export interface Database {
  areas: AreaTable;
  area_groups: AreaGroupTable;
  area_group_members: AreaGroupMemberTable;
  reference_values: ReferenceValueTable;
  population_groups: PopulationGroupTable;
  segments: SegmentTable;
  dimensions: DimensionTable;
  indicators: IndicatorTable;
  datasets: DatasetTable;
  observations: ObservationTable;
  survey_instruments: SurveyInstrumentTable;
  survey_items: SurveyItemTable;
  survey_respondents: SurveyRespondentTable;
  survey_responses: SurveyResponseTable;
  interventions: InterventionTable;
  intervention_effects: InterventionEffectTable;
  scenarios: ScenarioTable;
  rule_sets: RuleSetTable;
  rounds: RoundTable;
  audit_events: AuditEventTable;
  users: UserTable;
  sessions: SessionTable;
}

/** The database handle repositories take: a `Kysely<Database>` or a transaction from one. */
export type Db = Kysely<Database>;

export type ReferenceValue = Selectable<ReferenceValueTable>;
export type NewReferenceValue = Insertable<ReferenceValueTable>;
export type AreaGroup = Selectable<AreaGroupTable>;
export type NewAreaGroup = Insertable<AreaGroupTable>;
export type Area = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type AreaUpdate = Updateable<AreaTable>;
export type PopulationGroup = Selectable<PopulationGroupTable>;
export type NewPopulationGroup = Insertable<PopulationGroupTable>;
export type PopulationGroupUpdate = Updateable<PopulationGroupTable>;
export type Segment = Selectable<SegmentTable>;
export type NewSegment = Insertable<SegmentTable>;
export type SegmentUpdate = Updateable<SegmentTable>;
export type Dimension = Selectable<DimensionTable>;
export type NewDimension = Insertable<DimensionTable>;
export type DimensionUpdate = Updateable<DimensionTable>;
export type Indicator = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type IndicatorUpdate = Updateable<IndicatorTable>;
export type Dataset = Selectable<DatasetTable>;
export type NewDataset = Insertable<DatasetTable>;
export type DatasetUpdate = Updateable<DatasetTable>;
export type Observation = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type ObservationUpdate = Updateable<ObservationTable>;
export type SurveyInstrument = Selectable<SurveyInstrumentTable>;
export type NewSurveyInstrument = Insertable<SurveyInstrumentTable>;
export type SurveyInstrumentUpdate = Updateable<SurveyInstrumentTable>;
export type SurveyItem = Selectable<SurveyItemTable>;
export type NewSurveyItem = Insertable<SurveyItemTable>;
export type SurveyItemUpdate = Updateable<SurveyItemTable>;
export type SurveyRespondent = Selectable<SurveyRespondentTable>;
export type NewSurveyRespondent = Insertable<SurveyRespondentTable>;
export type SurveyRespondentUpdate = Updateable<SurveyRespondentTable>;
export type SurveyResponse = Selectable<SurveyResponseTable>;
export type NewSurveyResponse = Insertable<SurveyResponseTable>;
export type SurveyResponseUpdate = Updateable<SurveyResponseTable>;
export type Intervention = Selectable<InterventionTable>;
export type NewIntervention = Insertable<InterventionTable>;
export type InterventionUpdate = Updateable<InterventionTable>;
export type InterventionEffect = Selectable<InterventionEffectTable>;
export type NewInterventionEffect = Insertable<InterventionEffectTable>;
export type InterventionEffectUpdate = Updateable<InterventionEffectTable>;
export type Scenario = Selectable<ScenarioTable>;
export type NewScenario = Insertable<ScenarioTable>;
export type ScenarioUpdate = Updateable<ScenarioTable>;
export type RuleSet = Selectable<RuleSetTable>;
export type NewRuleSet = Insertable<RuleSetTable>;
export type RuleSetUpdate = Updateable<RuleSetTable>;
export type Round = Selectable<RoundTable>;
export type NewRound = Insertable<RoundTable>;
export type RoundUpdate = Updateable<RoundTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
export type SessionUpdate = Updateable<SessionTable>;
