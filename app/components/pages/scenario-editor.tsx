import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { CsrfField } from "~/auth/csrf-field";
import { IntervalBar } from "~/components/interval-bar";
import { useLocale, useT } from "~/i18n/use-t";
import { formatInterval, formatNumber } from "~/utils/format";
import { ErrorSummary, errorProps, FieldError, fieldId, type FieldErrors } from "./form-fields";
import { computePreview, shares, type PreviewInput } from "./scenario-preview";
import { ScrollRegion } from "~/components/scroll-region";

export interface ScenarioEditorValues {
  labelSv: string;
  labelEn: string;
  descriptionSv: string;
  descriptionEn: string;
  epsilon: string;
  weights: Record<string, string>;
}

const num = (s: string | undefined) => {
  const v = Number((s ?? "").replace(",", "."));
  return Number.isFinite(v) ? v : 0;
};

/**
 * The scenario editor: a weight slider per dimension (as in the OECD Better Life Index), ε with its
 * meaning in plain words, and a preview of Helsingborg's composites and EDE that follows the
 * sliders in the browser; without JavaScript the "preview" button computes it on the server.
 */
export function ScenarioEditor({
  dimensions,
  values,
  errors,
  formError,
  previewInput,
  weightMax,
  epsilonMax,
  canSave,
}: {
  dimensions: { id: string; label: string }[];
  values: ScenarioEditorValues;
  errors: FieldErrors | undefined;
  formError: string | undefined;
  previewInput: PreviewInput | null;
  weightMax: number;
  epsilonMax: number;
  canSave: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [weights, setWeights] = useState(values.weights);
  const [epsilon, setEpsilon] = useState(values.epsilon);
  const numeric = Object.fromEntries(dimensions.map((d) => [d.id, num(weights[d.id])]));
  const share = shares(
    numeric,
    dimensions.map((d) => d.id),
  );
  const eps = num(epsilon);
  const preview = previewInput ? computePreview(previewInput, numeric, eps) : null;
  const f1 = (x: number) => formatNumber(locale, x, 1);
  const f2 = (x: number) => formatNumber(locale, x, 2);
  const current = preview?.ede.find((e) => e.epsilon === eps);
  return (
    <div>
      <ErrorSummary errors={errors} formError={formError} />
      <Form method="post" className="stacked">
        <CsrfField />
        <fieldset>
          <legend>{t("sc.meta")}</legend>
          {(
            [
              ["labelSv", "sc.labelSv", "sv"],
              ["labelEn", "sc.labelEn", "en"],
            ] as const
          ).map(([name, label, lang]) => (
            <p key={name}>
              <label htmlFor={fieldId(name)}>{t(label)}</label>
              <input
                {...errorProps(name, errors)}
                lang={lang}
                defaultValue={values[name]}
                required
                maxLength={200}
                size={50}
              />
              <FieldError name={name} errors={errors} />
            </p>
          ))}
          {(
            [
              ["descriptionSv", "sc.descriptionSv", "sv"],
              ["descriptionEn", "sc.descriptionEn", "en"],
            ] as const
          ).map(([name, label, lang]) => (
            <p key={name}>
              <label htmlFor={fieldId(name)}>{t(label)}</label>
              <textarea
                {...errorProps(name, errors)}
                lang={lang}
                defaultValue={values[name]}
                required
                maxLength={2000}
                rows={2}
              />
              <FieldError name={name} errors={errors} />
            </p>
          ))}
        </fieldset>
        <fieldset className="weights">
          <legend>{t("sc.weightsLegend")}</legend>
          <p className="note" id="weights-help">
            {t("sc.weightsHelp")}
          </p>
          {dimensions.map((d) => {
            const name = `weights.${d.id}`;
            return (
              <div className="weight" key={d.id}>
                <label htmlFor={fieldId(name)}>{d.label}</label>
                <input
                  {...errorProps(name, errors, "weights-help")}
                  type="range"
                  min={0}
                  max={weightMax}
                  step={0.1}
                  value={weights[d.id] ?? "0"}
                  aria-valuetext={`${weights[d.id] ?? "0"} / ${weightMax}`}
                  onChange={(e) => {
                    const v = e.target.value;
                    setWeights((w) => ({ ...w, [d.id]: v }));
                  }}
                />
                <output htmlFor={fieldId(name)}>
                  {f1(numeric[d.id] ?? 0)}{" "}
                  <span className="note">{t("sc.share", { pct: f1(100 * (share?.[d.id] ?? 0)) })}</span>
                </output>
                <FieldError name={name} errors={errors} />
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t("sc.epsilonLegend")}</legend>
          <p className="note" id="epsilon-help">
            {t("sc.epsilonHelp")}
          </p>
          <div className="weights">
            <div className="weight">
              <label htmlFor="f-epsilon">{t("sc.epsilon")}</label>
              <input
                {...errorProps("epsilon", errors, "epsilon-help")}
                type="range"
                min={0}
                max={epsilonMax}
                step={0.05}
                value={epsilon}
                onChange={(e) => setEpsilon(e.target.value)}
              />
              <output htmlFor="f-epsilon">ε = {f2(eps)}</output>
              <FieldError name="epsilon" errors={errors} />
            </div>
          </div>
          {current?.ratio != null && preview?.worst && preview.best ? (
            <p aria-live="polite">
              {t("sc.ratio", {
                epsilon: f2(eps),
                worst: preview.worst,
                best: preview.best,
                ratio: f2(current.ratio),
              })}
            </p>
          ) : null}
        </fieldset>
        <p className="actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={busy}>
            {t("sc.preview")}
          </button>
          {canSave ? (
            <button type="submit" name="intent" value="save" disabled={busy}>
              {busy && navigation.formData?.get("intent") === "save" ? t("sc.saving") : t("sc.save")}
            </button>
          ) : null}
        </p>
      </Form>
      {preview ? (
        <section aria-live="polite">
          <p className="note">
            {t("sc.previewDims", { list: previewInput!.dimensions.map((d) => d.label).join(", ") })}
          </p>
          <ScrollRegion labelledBy="preview-caption">
            <table id="scenario-preview">
              <caption id="preview-caption">{t("sc.previewCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sc.col.segment")}</th>
                  <th scope="col" className="num">
                    {t("sc.col.population")}
                  </th>
                  <th scope="col" className="num">
                    {t("sc.col.composite")}
                  </th>
                  <th scope="col" className="num">
                    {t("sc.col.u")}
                  </th>
                  <th scope="col" className="num">
                    {t("sc.col.interval")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.id} data-segment={r.id}>
                    <th scope="row">{r.id === "area" ? t("sc.wholeArea") : r.label}</th>
                    <td className="num">
                      {r.population === null ? "–" : formatNumber(locale, r.population, 0)}
                    </td>
                    <td className="num">{f1(r.value)}</td>
                    <td className="num">{f1(r.u)}</td>
                    <td className="num">
                      {formatInterval(locale, r.interval[0], r.interval[1])}
                      <IntervalBar value={r.value} lo={r.interval[0]} hi={r.interval[1]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <ScrollRegion labelledBy="ede-caption">
            <table id="scenario-ede">
              <caption id="ede-caption">{t("sc.edeCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">ε</th>
                  <th scope="col" className="num">
                    {t("sc.col.ede")}
                  </th>
                  <th scope="col" className="num">
                    {t("sc.col.atkinson")}
                  </th>
                  <th scope="col" className="num">
                    {t("sc.col.weightWorst")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.ede.map((e) => (
                  <tr key={e.epsilon} aria-current={e.epsilon === eps ? "true" : undefined}>
                    <th scope="row">{f2(e.epsilon)}</th>
                    <td className="num">{e.ede === null ? "–" : f1(e.ede)}</td>
                    <td className="num">{e.atkinson === null ? "–" : formatNumber(locale, e.atkinson, 4)}</td>
                    <td className="num">{e.ratio === null ? "–" : f2(e.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : (
        <p>{t("sc.noProfile")}</p>
      )}
    </div>
  );
}
