import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DIMENSIONS, ScenarioSchema, type Scenario } from "../../scenarios/schema";
import { can } from "~/auth/policy";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import type { FieldErrors } from "~/components/pages/form-fields";
import { ScenarioEditor, type ScenarioEditorValues } from "~/components/pages/scenario-editor";
import { StoredText } from "~/components/pages/stored-text";
import { computePreview, EPSILON_MAX, WEIGHT_MAX } from "~/components/pages/scenario-preview";
import { getLocale } from "~/i18n/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { metaLocale, metaTitle, useLocale, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import { readBoundedForm } from "~/utils/pages-interventions.server";
import {
  formatPath,
  latestScenario,
  loadPreviewInput,
  saveScenarioAsNewVersion,
  scenarioVersion,
  ScenarioFormSchema,
  sliderWeights,
  versionList,
  weightKind,
} from "~/utils/pages-scenarios.server";

const ParamsSchema = z.object({ scenarioId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const VersionSchema = z.coerce.number().int().min(1).max(1_000_000);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? `${metaLocale(matches) === "en" ? data.values.labelEn : data.values.labelSv} – Livsval`
      : metaTitle(matches, "sc.title"),
  },
];

async function findOr404(params: unknown) {
  const parsed = ParamsSchema.safeParse(params);
  const found = parsed.success ? await latestScenario(getDb(), parsed.data.scenarioId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

function dimensionLabels(locale: Locale) {
  return DIMENSIONS.map((d) => ({ id: d.id, label: locale === "en" ? d.en : d.sv }));
}

function valuesOf(s: Scenario): ScenarioEditorValues {
  const w = sliderWeights(s);
  return {
    labelSv: s.label.sv,
    labelEn: s.label.en,
    descriptionSv: s.description.sv,
    descriptionEn: s.description.en,
    epsilon: String(s.inequalityAversion),
    weights: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, String(v)])),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "scenarios.view");
  const locale = await getLocale(request);
  const latest = await findOr404(params);
  const db = getDb();
  const asked = VersionSchema.safeParse(new URL(request.url).searchParams.get("version"));
  const found = asked.success ? await scenarioVersion(db, latest.doc.id, asked.data) : latest;
  if (!found) throw new Response("Not found", { status: 404 });
  return {
    scenario: found.doc,
    origin: found.origin,
    savedAt: found.savedAt,
    kind: weightKind(found.doc),
    versions: await versionList(db, "scenario", found.doc.id),
    latestVersion: latest.doc.version,
    values: valuesOf(found.doc),
    dimensions: dimensionLabels(locale),
    previewInput: await loadPreviewInput(db, locale),
    canEdit: can(user.role, "scenarios.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Anyone who may view a scenario may preview other weights; saving needs scenarios.edit (below).
  const user = await requirePermission(request, "scenarios.view");
  const formData = await readBoundedForm(request, 64 * 1024);
  if (!formData) throw new Response("Form too large", { status: 413 });
  verifyCsrf(request, formData, user);
  const found = await findOr404(params);
  const locale = await getLocale(request);
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v.slice(0, 4000) : "";
  };
  const values: ScenarioEditorValues = {
    labelSv: text("labelSv"),
    labelEn: text("labelEn"),
    descriptionSv: text("descriptionSv"),
    descriptionEn: text("descriptionEn"),
    epsilon: text("epsilon"),
    weights: Object.fromEntries(DIMENSIONS.map((d) => [d.id, text(`weights.${d.id}`)])),
  };
  const formKey = Math.random().toString(36).slice(2);
  const parsed = ScenarioFormSchema.safeParse({ ...values, intent: formData.get("intent") });
  const errors: FieldErrors = {};
  let formError: string | undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      if (first === "intent") formError = translate(locale, "pages.err.intent");
      else if (first === "weights")
        errors[`weights.${String(second)}`] = translate(locale, "sc.err.range", { min: 0, max: WEIGHT_MAX });
      else if (first === "epsilon")
        errors.epsilon = translate(locale, "sc.err.range", { min: 0, max: EPSILON_MAX });
      else
        errors[String(first)] ??= translate(
          locale,
          issue.code === "too_big" ? "pages.err.tooLong" : "pages.err.required",
        );
    }
    return data({ values, errors, formError, formKey, preview: null }, { status: 400 });
  }
  const form = parsed.data;
  if (Object.values(form.weights).every((w) => w === 0)) {
    return data(
      { values, errors, formError: translate(locale, "sc.err.allZero"), formKey, preview: null },
      { status: 400 },
    );
  }
  if (form.intent === "preview") {
    const input = await loadPreviewInput(getDb(), locale);
    const preview = input ? computePreview(input, form.weights, form.epsilon) : null;
    return data({ values, errors, formError, formKey, preview }, { status: 200 });
  }
  await requirePermission(request, "scenarios.edit");
  const old = found.doc;
  // Sliders left where they started keep the scenario's own weights (exact, intervals, order or
  // none) unrounded; with ε unchanged too, its provenance still holds.
  const start = sliderWeights(old);
  const untouched = DIMENSIONS.every((d) => start[d.id] === form.weights[d.id]);
  const unchanged = untouched && old.inequalityAversion === form.epsilon;
  const candidate = {
    ...old,
    label: { sv: form.labelSv, en: form.labelEn },
    description: { sv: form.descriptionSv, en: form.descriptionEn },
    weights: untouched
      ? old.weights
      : Object.fromEntries(DIMENSIONS.map((d) => [d.id, form.weights[d.id] ?? 0])),
    inequalityAversion: form.epsilon,
    provenance: unchanged
      ? old.provenance
      : {
          illustrative: true as const,
          note: `Weights and ε set by ${user.username} in Livsval's scenario editor, from version ${old.version}. Provenance of version ${old.version}: ${
            "source" in old.provenance
              ? `${old.provenance.source}; ${old.provenance.method}`
              : old.provenance.note
          }`.slice(0, 4000),
        },
  };
  const checked = ScenarioSchema.safeParse(candidate);
  if (!checked.success) {
    const message = checked.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ");
    return data(
      { values, errors, formError: translate(locale, "sc.err.schema", { message }), formKey, preview: null },
      { status: 400 },
    );
  }
  const version = await saveScenarioAsNewVersion(getDb(), checked.data, user.id);
  return redirect(`/scenarios/${encodeURIComponent(old.id)}?saved=${version}`);
}

export default function ScenarioPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const { scenario } = loaded;
  return (
    <>
      <p>
        <Link to="/scenarios">{t("sc.back")}</Link>
      </p>
      <h1>{t("sc.editTitle", { label: locale === "en" ? scenario.label.en : scenario.label.sv })}</h1>
      {saved && /^\d{1,6}$/.test(saved) ? (
        <p className="notice" role="status">
          {t("sc.saved", { version: saved })}
        </p>
      ) : null}
      <p>{locale === "en" ? scenario.description.en : scenario.description.sv}</p>
      <p className="note">
        {"source" in scenario.provenance ? (
          <>
            {t("sc.col.provenance")}: <StoredText text={scenario.provenance.source} />.{" "}
            <StoredText text={scenario.provenance.method} />
          </>
        ) : (
          <>
            {t("sc.illustrative")}: <StoredText text={scenario.provenance.note} />
          </>
        )}
      </p>
      <nav aria-label={t("sc.versionsNav")} className="note">
        {t("sc.versionsLabel")}{" "}
        {loaded.versions.map((v, i) => (
          <span key={v}>
            {i > 0 ? ", " : null}
            {v === scenario.version ? (
              <strong aria-current="page">v{v}</strong>
            ) : (
              <Link to={`/scenarios/${scenario.id}?version=${v}`}>v{v}</Link>
            )}
          </span>
        ))}{" "}
        ·{" "}
        {loaded.origin === "bundled"
          ? t("sc.bundled")
          : t("sc.savedBy", { at: (loaded.savedAt ?? "").slice(0, 16).replace("T", " ") })}
        {scenario.version !== loaded.latestVersion
          ? ` · ${t("sc.olderVersion", { latest: loaded.latestVersion })}`
          : null}
      </nav>
      {loaded.kind !== "exact" ? (
        <p className="note">{t("sc.nonExact", { kind: t(`sc.weights.${loaded.kind}`) })}</p>
      ) : null}
      <ScenarioEditor
        key={actionData?.formKey ?? "initial"}
        dimensions={loaded.dimensions}
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        formError={actionData?.formError}
        previewInput={loaded.previewInput}
        weightMax={WEIGHT_MAX}
        epsilonMax={EPSILON_MAX}
        canSave={loaded.canEdit}
      />
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
