import { Form, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/auth/csrf-field";
import { useT } from "~/i18n/use-t";
import type { FormOptions, InterventionFormValues } from "~/utils/pages-interventions.server";
import { DistPicker } from "./dist-picker";
import { ErrorSummary, errorProps, FieldError, fieldId, type FieldErrors } from "./form-fields";

/** The shapes the intervention form needs (plain data from the loader or action). */
export interface InterventionFormProps {
  mode: "new" | "edit";
  values: InterventionFormValues;
  errors: FieldErrors | undefined;
  formError?: string | undefined;
  formKey: string;
  options: FormOptions;
}

/** Create or edit an intervention; works without JavaScript (extra rows by a server round trip). */
export function InterventionForm({
  mode,
  values,
  errors,
  formError,
  formKey,
  options,
  readOnly = false,
}: InterventionFormProps & { readOnly?: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const saving = busy && navigation.formData?.get("intent") === "save";
  const others = options.interventions.filter((i) => i.id !== values.id);
  return (
    <>
      <ErrorSummary errors={errors} formError={formError} />
      <Form method="post" className={readOnly ? "stacked read-only" : "stacked"} key={formKey} noValidate>
        <CsrfField />
        {/* Read-only for those who may view but not edit: every control disabled, no buttons. */}
        <fieldset disabled={readOnly} className="plain">
          {/* The first submit button is the one Enter presses: make it "save", not "remove a row". */}
          <button
            type="submit"
            name="intent"
            value="save"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
          >
            {t("iv.save")}
          </button>
          <fieldset>
            <legend>{t("iv.basics")}</legend>
            {mode === "new" ? (
              <p>
                <label htmlFor="f-id">{t("iv.id")}</label>
                <input
                  {...errorProps("id", errors)}
                  defaultValue={values.id}
                  required
                  maxLength={80}
                  pattern="[a-z0-9][a-z0-9\-]*"
                />
                <FieldError name="id" errors={errors} />
              </p>
            ) : null}
            <p>
              <label htmlFor="f-label">{t("iv.label")}</label>
              <input
                {...errorProps("label", errors)}
                defaultValue={values.label}
                required
                maxLength={300}
                size={50}
              />
              <FieldError name="label" errors={errors} />
            </p>
            <p>
              <label htmlFor="f-description">{t("iv.description")}</label>
              <textarea
                {...errorProps("description", errors)}
                defaultValue={values.description}
                maxLength={4000}
                rows={3}
              />
              <FieldError name="description" errors={errors} />
            </p>
            <p>
              <label htmlFor="f-department">{t("iv.department")}</label>
              <input
                {...errorProps("department", errors)}
                defaultValue={values.department}
                maxLength={200}
                size={40}
                list="departments"
              />
              <datalist id="departments">
                {options.departments.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
              <FieldError name="department" errors={errors} />
            </p>
            <p>
              <label htmlFor="f-evidenceGrade">{t("iv.evidence")}</label>
              <select {...errorProps("evidenceGrade", errors)} defaultValue={values.evidenceGrade}>
                <option value="">{t("pages.notStated")}</option>
                {(["A", "B", "C", "D"] as const).map((g) => (
                  <option key={g} value={g}>
                    {t(`iv.evidence.${g}`)}
                  </option>
                ))}
              </select>
              <FieldError name="evidenceGrade" errors={errors} />
            </p>
          </fieldset>
          <fieldset>
            <legend>{t("iv.mandate")}</legend>
            <p>
              <input
                {...errorProps("statutory", errors)}
                type="checkbox"
                value="on"
                defaultChecked={values.statutory}
              />{" "}
              <label htmlFor="f-statutory">{t("iv.statutory")}</label>
            </p>
            <p>
              <label htmlFor="f-legalBasis">{t("iv.legalBasis")}</label>
              <input
                {...errorProps("legalBasis", errors)}
                defaultValue={values.legalBasis}
                maxLength={1000}
                size={60}
              />
            </p>
          </fieldset>
          <fieldset>
            <legend>{t("iv.relations")}</legend>
            <p className="note" id="relations-help">
              {others.length === 0 ? t("iv.noOthers") : t("iv.relationsHelp")}
            </p>
            {(others.length === 0 ? [] : (["dependsOn", "excludes"] as const)).map((key) => (
              <p key={key}>
                <label htmlFor={`f-${key}`}>{t(`iv.${key}`)}</label>
                <select
                  {...errorProps(key, errors, "relations-help")}
                  multiple
                  size={Math.min(6, Math.max(2, others.length))}
                  defaultValue={values[key]}
                >
                  {others.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label} ({o.id})
                    </option>
                  ))}
                </select>
                <FieldError name={key} errors={errors} />
              </p>
            ))}
          </fieldset>
          <DistPicker
            name="cost"
            legend={t("dist.legend", { what: t("iv.cost") })}
            initial={values.cost}
            errors={errors}
          />
          <fieldset>
            <legend>{t("iv.effects")}</legend>
            <p className="note">{t("iv.effectsHelp")}</p>
            {values.effects.length === 0 ? <p>{t("iv.noEffects")}</p> : null}
            {values.effects.map((e, i) => {
              const at = `effects[${i}]`;
              return (
                <fieldset key={i} className="effect-row">
                  <legend>{t("iv.effectN", { n: i + 1 })}</legend>
                  <p>
                    <label htmlFor={fieldId(`${at}.segment`)}>{t("iv.segment")}</label>
                    <select {...errorProps(`${at}.segment`, errors)} defaultValue={e.segment}>
                      <option value="">{t("iv.choose")}</option>
                      {options.segments.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.label}
                        </option>
                      ))}
                    </select>
                    <FieldError name={`${at}.segment`} errors={errors} />
                  </p>
                  <p>
                    <label htmlFor={fieldId(`${at}.dimension`)}>{t("iv.dimension")}</label>
                    <select {...errorProps(`${at}.dimension`, errors)} defaultValue={e.dimension}>
                      <option value="">{t("iv.choose")}</option>
                      {options.dimensions.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.label}
                        </option>
                      ))}
                    </select>
                    <FieldError name={`${at}.dimension`} errors={errors} />
                  </p>
                  <p>
                    <label htmlFor={fieldId(`${at}.reach`)}>{t("iv.reach")}</label>
                    <input
                      {...errorProps(`${at}.reach`, errors)}
                      defaultValue={e.reach}
                      inputMode="decimal"
                      size={8}
                      maxLength={20}
                    />
                    <FieldError name={`${at}.reach`} errors={errors} />
                  </p>
                  <DistPicker
                    name={`${at}.change`}
                    legend={t("dist.legend", { what: t("iv.change") })}
                    initial={e.change}
                    errors={errors}
                  />
                  <button
                    type="submit"
                    name="intent"
                    value={`remove-effect:${i}`}
                    className="secondary"
                    disabled={busy}
                  >
                    {t("iv.removeEffect", { n: i + 1 })}
                  </button>
                </fieldset>
              );
            })}
            <button type="submit" name="intent" value="add-effect" className="secondary" disabled={busy}>
              {t("iv.addEffect")}
            </button>
          </fieldset>
          <noscript>
            <p>
              <button type="submit" name="intent" value="refresh" className="secondary">
                {t("iv.refresh")}
              </button>
            </p>
          </noscript>
          <p>
            <button type="submit" name="intent" value="save" disabled={busy}>
              {saving ? t("iv.saving") : t("iv.save")}
            </button>
          </p>
        </fieldset>
      </Form>
    </>
  );
}
