import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData, Link, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import { CsrfField } from "~/auth/csrf-field";
import { ErrorSummary, errorProps, FieldError, type FieldErrors } from "~/components/pages/form-fields";
import { getLocale } from "~/i18n/locale.server";
import { translate, type Locale, type MessageKey } from "~/i18n/messages";
import { metaTitle, useT } from "~/i18n/use-t";
import { getDb } from "~/utils/db.server";
import {
  ImportFormSchema,
  MAX_WEB_IMPORT_BYTES,
  runWebImport,
  SURVEY_FIELDS,
  SurveyImportArgsSchema,
  WEB_IMPORT_KINDS,
  type SurveyImportArgs,
} from "~/utils/pages-data.server";
import { ScrollRegion } from "~/components/scroll-region";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTitle(matches, "import.title") }];

const MB = MAX_WEB_IMPORT_BYTES / (1024 * 1024);
/** Room for the form's text fields and multipart framing on top of the file. */
const MAX_BODY_BYTES = MAX_WEB_IMPORT_BYTES + 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "data.import");
  // Constants from the .server module reach the component through the loader, so the client
  // bundle never imports server code.
  return { kinds: WEB_IMPORT_KINDS, maxMb: MB, surveyFields: SURVEY_FIELDS };
}

type SurveyField = (typeof SURVEY_FIELDS)[number];

const SURVEY_LABELS: Record<SurveyField, MessageKey> = {
  instrument: "import.instrument",
  label: "import.surveyLabel",
  idColumn: "import.idColumn",
  weightColumn: "import.weightColumn",
  strataColumn: "import.strataColumn",
  clusterColumn: "import.clusterColumn",
  areaColumn: "import.areaColumn",
  groupColumn: "import.groupColumn",
  items: "import.items",
  scaleMin: "import.scaleMin",
  scaleMax: "import.scaleMax",
};
type Values = Record<
  "kind" | "source" | "licence" | "retrieved" | "note" | "synthetic" | SurveyField,
  string
>;

/** The message for a refused survey field, naming what is wrong (the fields are optional otherwise). */
function surveyError(field: string, code: string): MessageKey {
  if (field === "instrument") {
    return code === "too_small"
      ? "import.err.instrument"
      : code === "too_big"
        ? "pages.err.tooLong"
        : "import.err.instrumentFormat";
  }
  if (field === "scaleMin" || field === "scaleMax")
    return code === "custom" ? "import.err.scaleOrder" : "import.err.wholeNumber";
  return code === "too_big" ? "pages.err.tooLong" : "pages.err.required";
}

function tooLarge(locale: Locale) {
  return data(
    { values: null, errors: { file: translate(locale, "import.tooLarge", { mb: MB }) } as FieldErrors },
    { status: 413 },
  );
}

/** The request's form, the file part held in memory up to the size limit. */
async function readForm(request: Request): Promise<FormData | "too-large"> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY_BYTES) return "too-large";
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    try {
      return await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_WEB_IMPORT_BYTES }),
      );
    } catch (e) {
      if (e instanceof MaxPartSizeExceededError) return "too-large";
      // a body that is not well-formed multipart (e.g. a part without a name) is bad input, not a bug
      throw new Response("Malformed form data", { status: 400 });
    }
  }
  return request.formData();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "data.import");
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData === "too-large") return tooLarge(locale);
  verifyCsrf(request, formData, user);
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const values: Values = {
    kind: text("kind"),
    source: text("source"),
    licence: text("licence"),
    retrieved: text("retrieved"),
    note: text("note"),
    synthetic: text("synthetic"),
    ...(Object.fromEntries(SURVEY_FIELDS.map((f) => [f, text(f)])) as Record<SurveyField, string>),
  };
  const errors: FieldErrors = {};
  let survey: SurveyImportArgs | undefined;
  if (values.kind === "survey") {
    const args = SurveyImportArgsSchema.safeParse(
      Object.fromEntries(SURVEY_FIELDS.map((f) => [f, values[f]])),
    );
    if (args.success) survey = args.data;
    else
      for (const issue of args.error.issues) {
        const field = String(issue.path[0]);
        errors[field] ??= translate(locale, surveyError(field, issue.code));
      }
  }
  const parsed = ImportFormSchema.safeParse({ ...values, synthetic: values.synthetic || undefined });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= translate(
        locale,
        field === "kind"
          ? "pages.err.choice"
          : field === "retrieved"
            ? "pages.err.date"
            : issue.code === "too_big"
              ? "pages.err.tooLong"
              : "pages.err.required",
      );
    }
  }
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) errors.file = translate(locale, "import.fileRequired");
  if (!parsed.success || Object.keys(errors).length > 0)
    return data({ values, errors, outcome: null }, { status: 400 });
  const upload = file as File;
  const outcome = await runWebImport(
    getDb(),
    parsed.data,
    { name: upload.name || "upload.csv", text: await upload.text() },
    user.id,
    survey,
  );
  if (outcome.ok) {
    const s = outcome.summary;
    const q = new URLSearchParams({
      imported: s.dataset,
      kind: s.kind,
      rows: String(s.rows),
      inserted: String(s.inserted),
    });
    if (s.skipped) q.set("skipped", "1");
    return redirect(`/data?${q.toString()}`);
  }
  return data({ values, errors, outcome, file: upload.name || "upload.csv" }, { status: 400 });
}

export default function ImportPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values = actionData?.values ?? null;
  const outcome = actionData && "outcome" in actionData ? actionData.outcome : null;
  const fileName = actionData && "file" in actionData ? actionData.file : "";
  const [kind, setKind] = useState(values?.kind ?? "observations");
  // Without JavaScript every field is shown; once hydrated, the survey fields only for that kind.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const surveyHidden = hydrated && kind !== "survey";
  return (
    <>
      <p>
        <Link to="/data">{t("data.back")}</Link>
      </p>
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <ErrorSummary
        errors={errors}
        formError={
          outcome && !outcome.ok && "message" in outcome
            ? t("import.failed", { message: outcome.message })
            : undefined
        }
      />
      {outcome && !outcome.ok && "issues" in outcome ? (
        <section aria-labelledby="issues-caption" className="form-error" role="alert">
          <p>{t("import.rejected", { badRows: outcome.badRows, issueCount: outcome.issueCount })}</p>
          <ScrollRegion labelledBy="issues-caption">
            <table id="import-issues">
              <caption id="issues-caption">{t("import.issuesCaption", { file: fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("import.col.line")}
                  </th>
                  <th scope="col">{t("import.col.column")}</th>
                  <th scope="col">{t("import.col.value")}</th>
                  <th scope="col">{t("import.col.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.issues.map((i, k) => (
                  <tr key={k}>
                    <th scope="row" className="num">
                      {i.line}
                    </th>
                    <td>{i.column}</td>
                    <td>
                      <code>{i.value}</code>
                    </td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {outcome.issueCount > outcome.issues.length ? (
            <p>{t("import.more", { count: outcome.issueCount - outcome.issues.length })}</p>
          ) : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stacked">
        <CsrfField />
        <p>
          <label htmlFor="f-file">{t("import.file", { mb: loaderData.maxMb })}</label>
          <input
            {...errorProps("file", errors, "format-help")}
            type="file"
            accept=".csv,text/csv,text/plain"
            required
          />
          <FieldError name="file" errors={errors} />
        </p>
        <p>
          <label htmlFor="f-kind">{t("import.kind")}</label>
          <select
            {...errorProps("kind", errors)}
            defaultValue={values?.kind ?? "observations"}
            onChange={(e) => setKind(e.target.value)}
          >
            {loaderData.kinds.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldError name="kind" errors={errors} />
        </p>
        <fieldset hidden={surveyHidden} disabled={surveyHidden}>
          <legend>{t("import.survey")}</legend>
          <p className="note" id="survey-help">
            {t("import.surveyHelp")}
          </p>
          {loaderData.surveyFields.map((f) => (
            <p key={f}>
              <label htmlFor={`f-${f}`}>{t(SURVEY_LABELS[f])}</label>
              <input
                {...errorProps(f, errors, f === "instrument" ? "survey-help" : undefined)}
                defaultValue={values?.[f] ?? ""}
                inputMode={f === "scaleMin" || f === "scaleMax" ? "numeric" : undefined}
                maxLength={f === "items" ? undefined : f === "instrument" ? 100 : 200}
              />
              <FieldError name={f} errors={errors} />
            </p>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("import.provenance")}</legend>
          <p>
            <label htmlFor="f-source">{t("import.source")}</label>
            <input
              {...errorProps("source", errors)}
              defaultValue={values?.source ?? ""}
              required
              maxLength={500}
            />
            <FieldError name="source" errors={errors} />
          </p>
          <p>
            <label htmlFor="f-licence">{t("import.licence")}</label>
            <input
              {...errorProps("licence", errors)}
              defaultValue={values?.licence ?? ""}
              required
              maxLength={200}
            />
            <FieldError name="licence" errors={errors} />
          </p>
          <p>
            <label htmlFor="f-retrieved">{t("import.retrieved")}</label>
            <input
              {...errorProps("retrieved", errors)}
              type="date"
              defaultValue={values?.retrieved ?? ""}
              required
            />
            <FieldError name="retrieved" errors={errors} />
          </p>
          <p>
            <label htmlFor="f-note">{t("import.note")}</label>
            <textarea
              {...errorProps("note", errors)}
              defaultValue={values?.note ?? ""}
              maxLength={2000}
              rows={3}
            />
            <FieldError name="note" errors={errors} />
          </p>
          <p>
            <input
              {...errorProps("synthetic", errors)}
              type="checkbox"
              value="on"
              defaultChecked={values?.synthetic === "on"}
            />{" "}
            <label htmlFor="f-synthetic">{t("import.synthetic")}</label>
          </p>
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t("import.pending") : t("import.submit")}
        </button>
      </Form>
      <p className="note" id="format-help">
        {t("import.formatHelp")}
      </p>
      <p className="note">{t("import.cliNote")}</p>
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
