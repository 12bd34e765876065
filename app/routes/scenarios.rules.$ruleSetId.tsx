import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ruleText, type Rule } from "../../engine/rules/rule-schema";
import { RuleSetSchema } from "../../scenarios/schema";
import { can } from "~/auth/policy";
import { CsrfField } from "~/auth/csrf-field";
import { requirePermission, verifyCsrf } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/messages";
import { metaLocale, metaTitle, useLocale, useT } from "~/i18n/use-t";
import { StoredText } from "~/components/pages/stored-text";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { readBoundedForm } from "~/utils/pages-interventions.server";
import {
  formatPath,
  latestRuleSet,
  saveRuleSetAsNewVersion,
  versionList,
} from "~/utils/pages-scenarios.server";
import { ScrollRegion } from "~/components/scroll-region";

/** Largest rule set text accepted (characters). */
const MAX_JSON_CHARS = 200_000;
const ParamsSchema = z.object({ ruleSetId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const FormSchema = z.object({ intent: z.literal("save"), json: z.string().min(1) });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? metaTitle(matches, "rs.title", { label: data.ruleSet.label[metaLocale(matches)] })
      : metaTitle(matches, "sc.title"),
  },
];

async function findOr404(params: unknown) {
  const parsed = ParamsSchema.safeParse(params);
  const found = parsed.success ? await latestRuleSet(getDb(), parsed.data.ruleSetId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "scenarios.view");
  const found = await findOr404(params);
  return {
    ruleSet: found.doc,
    json: JSON.stringify(found.doc, null, 2),
    versions: await versionList(getDb(), "ruleSet", found.doc.id),
    canEdit: can(user.role, "scenarios.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "scenarios.edit");
  const formData = await readBoundedForm(request, MAX_JSON_CHARS * 4);
  if (!formData) throw new Response("Form too large", { status: 413 });
  verifyCsrf(request, formData, user);
  const found = await findOr404(params);
  const locale = await getLocale(request);
  const form = FormSchema.safeParse({ intent: formData.get("intent"), json: formData.get("json") });
  const json = typeof formData.get("json") === "string" ? (formData.get("json") as string) : "";
  const refuse = (jsonError: string | null, issues: { path: string; message: string }[]) =>
    data({ json: json.slice(0, MAX_JSON_CHARS), jsonError, issues }, { status: 400 });
  if (!form.success) {
    return refuse(
      form.error.issues.some((i) => i.path[0] === "intent")
        ? translate(locale, "pages.err.intent")
        : translate(locale, "pages.err.required"),
      [],
    );
  }
  if (json.length > MAX_JSON_CHARS)
    return refuse(translate(locale, "rs.tooLarge", { max: MAX_JSON_CHARS }), []);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return refuse(translate(locale, "rs.invalidJson", { message: (e as Error).message }), []);
  }
  // The version is assigned on save; the id is the one being edited.
  const candidate =
    value && typeof value === "object" && !Array.isArray(value)
      ? { ...value, version: found.doc.version }
      : value;
  const parsed = RuleSetSchema.safeParse(candidate);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  if (parsed.success && parsed.data.id !== found.doc.id)
    issues.push({ path: "id", message: `must be "${found.doc.id}", the rule set being edited` });
  if (!parsed.success || issues.length > 0) return refuse(null, issues);
  const version = await saveRuleSetAsNewVersion(getDb(), parsed.data, user.id);
  return redirect(`/scenarios/rules/${encodeURIComponent(found.doc.id)}?saved=${version}`);
}

/** Each rule's name, what it does and its reason in the page's language: the JSON read for people. */
function RuleSummary({ rules }: { rules: readonly Rule[] }) {
  const t = useT();
  const locale = useLocale();
  const effect = (e: Rule["event"]) => {
    switch (e.type) {
      case "exclude":
        return t("rs.effect.exclude");
      case "require":
        return t("rs.effect.require");
      case "adjust":
        return t("rs.effect.adjust", { factor: formatNumber(locale, e.params.factor, 2) });
      case "flag":
        return t("rs.effect.flag");
      case "cap":
        return t("rs.effect.cap", {
          department: e.params.department,
          amount: formatNumber(locale, e.params.amount, 0),
        });
    }
  };
  const reason = (e: Rule["event"]) => {
    const text = e.type === "flag" ? e.params.message : e.type === "cap" ? null : (e.params?.reason ?? null);
    return text === null ? "–" : <StoredText text={ruleText(text, locale)} />;
  };
  return (
    <section aria-labelledby="rule-summary-title">
      <h2 id="rule-summary-title">{t("rs.summary")}</h2>
      <ScrollRegion labelledBy="rule-summary-caption">
        <table id="rule-summary">
          <caption id="rule-summary-caption" className="visually-hidden">
            {t("rs.summary")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("rs.col.rule")}</th>
              <th scope="col">{t("rs.col.effect")}</th>
              <th scope="col">{t("rs.col.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.name}>
                <th scope="row">
                  <code>{r.name}</code>
                </th>
                <td>{effect(r.event)}</td>
                <td>{reason(r.event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="note">{t("rs.summaryNote")}</p>
    </section>
  );
}

export default function RuleSetPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const busy = useNavigation().state === "submitting";
  const hasErrors = Boolean(actionData && (actionData.jsonError || actionData.issues.length > 0));
  return (
    <>
      <p>
        <Link to="/scenarios">{t("sc.back")}</Link>
      </p>
      <h1>{t("rs.title", { label: locale === "en" ? loaded.ruleSet.label.en : loaded.ruleSet.label.sv })}</h1>
      {saved && /^\d{1,6}$/.test(saved) ? (
        <p className="notice" role="status">
          {t("rs.saved", { version: saved })}
        </p>
      ) : null}
      <p>{t("rs.intro")}</p>
      <p className="note">{t("sc.versions", { list: loaded.versions.join(", ") })}</p>
      {loaded.ruleSet.provenance && "note" in loaded.ruleSet.provenance ? (
        <p className="note">
          <StoredText text={String(loaded.ruleSet.provenance.note)} />
        </p>
      ) : null}
      <RuleSummary rules={loaded.ruleSet.rules} />
      {hasErrors ? (
        <div className="form-error" role="alert" id="json-errors">
          {actionData?.jsonError ? <p>{actionData.jsonError}</p> : null}
          {actionData && actionData.issues.length > 0 ? (
            <table id="rule-set-issues">
              <caption>{t("rs.issuesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rs.col.path")}</th>
                  <th scope="col">{t("rs.col.message")}</th>
                </tr>
              </thead>
              <tbody>
                {actionData.issues.map((i, k) => (
                  <tr key={k}>
                    <th scope="row">
                      <code>{i.path}</code>
                    </th>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="stacked">
        <CsrfField />
        <p>
          <label htmlFor="f-json">{t("rs.json")}</label>
          <textarea
            id="f-json"
            name="json"
            className="json-editor"
            rows={28}
            spellCheck={false}
            maxLength={MAX_JSON_CHARS}
            readOnly={!loaded.canEdit}
            aria-invalid={hasErrors ? true : undefined}
            aria-describedby={hasErrors ? "json-errors" : undefined}
            defaultValue={actionData?.json ?? loaded.json}
          />
        </p>
        {loaded.canEdit ? (
          <button type="submit" name="intent" value="save" disabled={busy}>
            {busy ? t("sc.saving") : t("rs.save")}
          </button>
        ) : null}
      </Form>
    </>
  );
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
