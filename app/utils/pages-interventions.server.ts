import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { appendAuditEvent } from "../../db/repositories/audit-repository";
import {
  findInterventionById,
  listInterventions,
  saveIntervention,
  type InterventionInput,
  type InterventionRecord,
} from "../../db/repositories/intervention-repository";
import { inRetriedTransaction } from "../../db/repositories/transaction";
import type { Db } from "../../db/schema";
import type { Dist } from "../../engine/random";
import {
  distFromFields,
  distSummary,
  fieldsFromDist,
  isDistType,
  type DistFields,
  type DistParam,
} from "~/components/pages/dist-shape";
import type { FieldErrors } from "~/components/pages/form-fields";
import { verifyCsrf, type CurrentUser } from "~/auth/session.server";
import { translate, type Locale } from "~/i18n/messages";
import { findSegmentNames } from "./segment-names.server";

/** Most effect rows one intervention may have (a size limit on the form). */
export const MAX_EFFECTS = 60;
export const EVIDENCE_GRADES = ["A", "B", "C", "D"] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Everything the intervention form shows, as text the way it was typed. */
export interface InterventionFormValues {
  id: string;
  label: string;
  description: string;
  department: string;
  evidenceGrade: string;
  statutory: boolean;
  legalBasis: string;
  dependsOn: string[];
  excludes: string[];
  cost: DistFields;
  effects: { segment: string; dimension: string; reach: string; change: DistFields }[];
}

export interface FormOptions {
  segments: { id: string; label: string }[];
  dimensions: { id: string; label: string }[];
  interventions: { id: string; label: string }[];
  /** Departments already named, offered as suggestions. */
  departments: string[];
}

/** The choices the form offers: segments (latest period), dimensions, other interventions. */
export async function loadFormOptions(db: Db, locale: Locale): Promise<FormOptions> {
  const [segments, dimensions, interventions] = await Promise.all([
    findSegmentNames(db, locale),
    db.selectFrom("dimensions").selectAll().orderBy("sort").execute(),
    db.selectFrom("interventions").select(["id", "label", "department"]).orderBy("id").execute(),
  ]);
  return {
    segments: segments.map((s) => ({ id: s.id, label: `${s.area}: ${s.group}` })),
    dimensions: dimensions.map((d) => ({ id: d.id, label: locale === "en" ? d.label_en : d.label_sv })),
    interventions: interventions.map((i) => ({ id: i.id, label: i.label })),
    departments: [...new Set(interventions.map((i) => i.department).filter((d): d is string => !!d))].sort(),
  };
}

const stringList = z.array(z.string()).catch([]);

/** Form values from a stored intervention. */
export function valuesFromRecord(r: InterventionRecord): InterventionFormValues {
  const a = r.attributes;
  return {
    id: r.id,
    label: r.label,
    description: r.description ?? "",
    department: r.department ?? (typeof a.department === "string" ? a.department : ""),
    evidenceGrade: r.evidence_grade ?? (typeof a.evidenceGrade === "string" ? a.evidenceGrade : ""),
    statutory: a.statutory === true,
    legalBasis: typeof a.legalBasis === "string" ? a.legalBasis : "",
    dependsOn: stringList.parse(a.dependsOn),
    excludes: stringList.parse(a.excludes),
    cost: fieldsFromDist(r.cost),
    effects: r.effects.map((e) => ({
      segment: e.segment_id,
      dimension: e.dimension_id,
      reach: String(e.reach),
      change: fieldsFromDist(e.change),
    })),
  };
}

/** An empty form (a normal cost and one effect row to start from). */
export function emptyValues(): InterventionFormValues {
  return {
    id: "",
    label: "",
    description: "",
    department: "",
    evidenceGrade: "",
    statutory: false,
    legalBasis: "",
    dependsOn: [],
    excludes: [],
    cost: { type: "normal", params: {} },
    effects: [emptyEffect()],
  };
}

export function emptyEffect(): InterventionFormValues["effects"][number] {
  return { segment: "", dimension: "", reach: "1", change: { type: "normal", params: {} } };
}

const PARAMS: readonly DistParam[] = ["value", "mean", "sd", "min", "mode", "max", "median", "gsd"];

function distFieldsFrom(form: FormData, prefix: string): DistFields {
  const type = String(form.get(`${prefix}.type`) ?? "");
  const params: DistFields["params"] = {};
  for (const p of PARAMS) {
    const v = form.get(`${prefix}.${p}`);
    if (typeof v === "string") params[p] = v.slice(0, 40);
  }
  return { type: isDistType(type) ? type : "normal", params };
}

/** Read the posted form into values (every text cut to its size limit; at most MAX_EFFECTS rows). */
export function valuesFromForm(form: FormData): InterventionFormValues {
  const text = (name: string, max: number) => {
    const v = form.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  const indices = new Set<number>();
  for (const key of form.keys()) {
    const m = /^effects\[(\d{1,3})\]\./.exec(key);
    if (m) indices.add(Number(m[1]));
  }
  const effects = [...indices]
    .sort((a, b) => a - b)
    .slice(0, MAX_EFFECTS)
    .map((i) => ({
      segment: text(`effects[${i}].segment`, 200),
      dimension: text(`effects[${i}].dimension`, 100),
      reach: text(`effects[${i}].reach`, 30),
      change: distFieldsFrom(form, `effects[${i}].change`),
    }));
  const list = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === "string" && v !== "")
      .slice(0, 200);
  return {
    id: text("id", 200).trim(),
    label: text("label", 300),
    description: text("description", 4000),
    department: text("department", 200),
    evidenceGrade: text("evidenceGrade", 2),
    statutory: form.get("statutory") === "on",
    legalBasis: text("legalBasis", 1000),
    dependsOn: list("dependsOn"),
    excludes: list("excludes"),
    cost: distFieldsFrom(form, "cost"),
    effects,
  };
}

/**
 * Check the values against the options and the distribution rules; either what the repository
 * stores, or field errors (already in the user's language) keyed by field name.
 */
export function validateIntervention(
  values: InterventionFormValues,
  ctx: { isNew: boolean; options: FormOptions; locale: Locale },
): { input: InterventionInput; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const msg = (key: Parameters<typeof translate>[1]) => translate(ctx.locale, key);
  if (ctx.isNew) {
    if (!ID_PATTERN.test(values.id))
      errors.id = msg(values.id === "" ? "pages.err.required" : "pages.err.id");
    else if (ctx.options.interventions.some((i) => i.id === values.id)) errors.id = msg("iv.err.idTaken");
  }
  if (values.label.trim() === "") errors.label = msg("pages.err.required");
  if (values.evidenceGrade !== "" && !(EVIDENCE_GRADES as readonly string[]).includes(values.evidenceGrade))
    errors.evidenceGrade = msg("pages.err.choice");
  const known = new Set(ctx.options.interventions.map((i) => i.id));
  for (const key of ["dependsOn", "excludes"] as const) {
    if (values[key].includes(values.id)) errors[key] = msg("iv.err.self");
    else if (values[key].some((x) => !known.has(x))) errors[key] = msg("iv.err.unknown");
  }
  if (!errors.excludes && values.excludes.some((x) => values.dependsOn.includes(x)))
    errors.excludes = msg("iv.err.both");
  const cost = distFromFields(values.cost);
  if (cost.errors) for (const [p, k] of Object.entries(cost.errors)) errors[`cost.${p}`] = msg(k);
  const segmentIds = new Set(ctx.options.segments.map((s) => s.id));
  const dimensionIds = new Set(ctx.options.dimensions.map((d) => d.id));
  const cells = new Set<string>();
  const effects: { segment_id: string; dimension_id: string; change: Dist; reach: number }[] = [];
  values.effects.forEach((e, i) => {
    const at = `effects[${i}]`;
    if (!segmentIds.has(e.segment)) errors[`${at}.segment`] = msg("iv.err.segment");
    if (!dimensionIds.has(e.dimension)) errors[`${at}.dimension`] = msg("iv.err.dimension");
    const cell = `${e.segment}\u0000${e.dimension}`;
    if (segmentIds.has(e.segment) && dimensionIds.has(e.dimension) && cells.has(cell))
      errors[`${at}.dimension`] = msg("iv.err.duplicate");
    cells.add(cell);
    const reach = Number(e.reach.trim().replace(",", "."));
    if (e.reach.trim() === "" || !Number.isFinite(reach) || reach < 0 || reach > 1)
      errors[`${at}.reach`] = msg("iv.err.reach");
    const change = distFromFields(e.change);
    if (change.errors)
      for (const [p, k] of Object.entries(change.errors)) errors[`${at}.change.${p}`] = msg(k);
    else effects.push({ segment_id: e.segment, dimension_id: e.dimension, change: change.dist, reach });
  });
  if (Object.keys(errors).length > 0 || cost.dist === null) return { input: null, errors };
  const attributes: InterventionInput["attributes"] = {
    statutory: values.statutory,
    dependsOn: values.dependsOn,
    excludes: values.excludes,
  };
  if (values.evidenceGrade) attributes.evidenceGrade = values.evidenceGrade;
  if (values.department.trim()) attributes.department = values.department.trim();
  if (values.legalBasis.trim()) attributes.legalBasis = values.legalBasis.trim();
  return {
    errors: null,
    input: {
      id: values.id,
      label: values.label.trim(),
      description: values.description.trim() || null,
      department: values.department.trim() || null,
      evidence_grade: values.evidenceGrade || null,
      cost: cost.dist,
      attributes,
      effects,
    },
  };
}

/** Save an intervention and its audit event in one transaction. */
export async function saveInterventionWithAudit(
  db: Db,
  input: InterventionInput,
  userId: string,
  created: boolean,
): Promise<void> {
  await inRetriedTransaction(db, async (trx) => {
    const before = created ? null : await findInterventionById(trx, input.id);
    await saveIntervention(trx, input);
    await appendAuditEvent(trx, {
      user_id: userId,
      action: created ? "intervention.created" : "intervention.updated",
      entity: "intervention",
      entity_id: input.id,
      payload: {
        label: input.label,
        cost: input.cost,
        effects: input.effects.length,
        attributes: input.attributes ?? {},
        ...(before
          ? { previous: { label: before.label, cost: before.cost, effects: before.effects.length } }
          : {}),
      },
    });
  });
}

export interface InterventionListRow {
  id: string;
  label: string;
  department: string | null;
  evidenceGrade: string | null;
  statutory: boolean;
  cost: { mean: number; lo: number; hi: number };
  effects: number;
  dependsOn: string[];
  excludes: string[];
}

/** The list page's rows. */
export async function listInterventionRows(db: Db): Promise<InterventionListRow[]> {
  return (await listInterventions(db)).map((r) => {
    const s = distSummary(r.cost);
    return {
      id: r.id,
      label: r.label,
      department: r.department,
      evidenceGrade: r.evidence_grade,
      statutory: r.attributes.statutory === true,
      cost: { mean: s.mean, lo: s.lo, hi: s.hi },
      effects: r.effects.length,
      dependsOn: stringList.parse(r.attributes.dependsOn),
      excludes: stringList.parse(r.attributes.excludes),
    };
  });
}

const IntentSchema = z.union([
  z.literal("save"),
  z.literal("add-effect"),
  z.literal("refresh"),
  z.string().regex(/^remove-effect:\d{1,3}$/),
]);

/** Largest form body accepted (bytes): ample for MAX_EFFECTS rows. */
const MAX_FORM_BYTES = 256 * 1024;

/** What the form gets back from a refused or unfinished post. */
export interface InterventionActionData {
  values: InterventionFormValues;
  errors: FieldErrors;
  formError?: string;
  /** Changes on every response so the form remounts from these values. */
  formKey: string;
}

/** Reads and bounds the posted form; null when the body is larger than the limit. */
export async function readBoundedForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData | null> {
  if (Number(request.headers.get("Content-Length") ?? "0") > maxBytes) return null;
  const text = await request.text();
  if (text.length > maxBytes) return null;
  const type = request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded";
  try {
    return await new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": type },
      body: text,
    }).formData();
  } catch {
    // A body that does not parse as the form it claims to be is bad input, not a bug.
    throw new Response("Malformed form data", { status: 400 });
  }
}

/**
 * The intervention form's post: add or remove an effect row and redisplay, or validate and save
 * (with an audit event). `existing` is the record being edited, null for a new one.
 */
export async function interventionFormAction(
  db: Db,
  formData: FormData,
  ctx: { existing: InterventionRecord | null; userId: string; locale: Locale },
): Promise<{ status: number; data: InterventionActionData } | { saved: string }> {
  const formKey = Math.random().toString(36).slice(2);
  const values = valuesFromForm(formData);
  if (ctx.existing) values.id = ctx.existing.id;
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) {
    return {
      status: 400,
      data: { values, errors: {}, formError: translate(ctx.locale, "pages.err.intent"), formKey },
    };
  }
  if (intent.data === "add-effect") {
    if (values.effects.length < MAX_EFFECTS) values.effects.push(emptyEffect());
    return { status: 200, data: { values, errors: {}, formKey } };
  }
  if (intent.data.startsWith("remove-effect:")) {
    values.effects.splice(Number(intent.data.slice("remove-effect:".length)), 1);
    return { status: 200, data: { values, errors: {}, formKey } };
  }
  if (intent.data === "refresh") return { status: 200, data: { values, errors: {}, formKey } };
  const options = await loadFormOptions(db, ctx.locale);
  const checked = validateIntervention(values, { isNew: ctx.existing === null, options, locale: ctx.locale });
  if (checked.errors) return { status: 400, data: { values, errors: checked.errors, formKey } };
  await saveInterventionWithAudit(db, checked.input, ctx.userId, ctx.existing === null);
  return { saved: checked.input.id };
}

/**
 * The whole action of the new and edit pages: bounded form, CSRF check, then (for an edit) the
 * record or a 404, then {@link interventionFormAction}; a save redirects to the list.
 */
export async function interventionActionResponse(
  db: Db,
  request: Request,
  user: CurrentUser,
  locale: Locale,
  findExisting: () => Promise<InterventionRecord | null>,
) {
  const formData = await readBoundedForm(request);
  if (!formData) throw new Response("Form too large", { status: 413 });
  verifyCsrf(request, formData, user);
  const existing = await findExisting();
  const result = await interventionFormAction(db, formData, { existing, userId: user.id, locale });
  if ("saved" in result) return redirect(`/interventions?saved=${encodeURIComponent(result.saved)}`);
  return data(result.data, { status: result.status });
}
