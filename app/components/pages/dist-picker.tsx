import { useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/messages";
import { formatNumber } from "~/utils/format";
import {
  densityPath,
  DIST_PARAMS,
  DIST_TYPES,
  distFromFields,
  distSummary,
  isDistType,
  type DistFields,
} from "./dist-shape";
import { errorProps, FieldError, fieldId, type FieldErrors } from "./form-fields";

const W = 240;
const H = 64;

function digitsFor(x: number): number {
  const a = Math.abs(x);
  return a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

/**
 * Choose a distribution (exact, normal, uniform, triangular, lognormal, PERT) and its parameters.
 * Fields are `<name>.type` and `<name>.<param>`; the density's shape is drawn as SVG from the
 * parameters (server-rendered, redrawn as the user types) with the same facts as text beside it.
 */
export function DistPicker({
  name,
  legend,
  initial,
  errors,
}: {
  name: string;
  legend: string;
  initial: DistFields;
  errors: FieldErrors | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const [fields, setFields] = useState<DistFields>(initial);
  const result = distFromFields(fields);
  const summaryId = `${fieldId(name)}-summary`;
  const fmt = (x: number) => formatNumber(locale, x, digitsFor(x));
  let summary = t("dist.incomplete");
  let path: string | null = null;
  let axis: [string, string] | null = null;
  if (result.dist !== null) {
    const s = distSummary(result.dist);
    summary =
      typeof result.dist === "number"
        ? t("dist.summaryExact", { value: fmt(result.dist) })
        : t("dist.summary", { mean: fmt(s.mean), sd: fmt(s.sd), lo: fmt(s.lo), hi: fmt(s.hi) });
    const p = densityPath(result.dist, W, H);
    path = p.d;
    axis = [fmt(p.lo), fmt(p.hi)];
  }
  return (
    <fieldset className="dist-picker">
      <legend>{legend}</legend>
      <p>
        <label htmlFor={fieldId(`${name}.type`)}>{t("dist.type")}</label>
        <select
          {...errorProps(`${name}.type`, errors)}
          value={fields.type}
          onChange={(e) => {
            const type = e.target.value;
            if (isDistType(type)) setFields((f) => ({ ...f, type }));
          }}
        >
          {DIST_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`dist.${d}`)}
            </option>
          ))}
        </select>
        <FieldError name={`${name}.type`} errors={errors} />
      </p>
      <div className="params">
        {DIST_PARAMS[fields.type].map((p) => (
          <p key={p}>
            <label htmlFor={fieldId(`${name}.${p}`)}>{t(`dist.${p}` as MessageKey)}</label>
            <input
              {...errorProps(`${name}.${p}`, errors, summaryId)}
              inputMode="decimal"
              size={12}
              maxLength={30}
              value={fields.params[p] ?? ""}
              onChange={(e) => {
                const value = e.target.value;
                setFields((f) => ({ ...f, params: { ...f.params, [p]: value } }));
              }}
            />
            <FieldError name={`${name}.${p}`} errors={errors} />
          </p>
        ))}
      </div>
      {path ? (
        <svg width={W} height={H + 16} viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-labelledby={summaryId}>
          <title>{t("dist.shape")}</title>
          <path d={path} fill="#7fa9c2" stroke="#00507a" strokeWidth="1.5" />
          <text x="2" y={H + 13} fontSize="11" fill="#1a1a1a">
            {axis?.[0]}
          </text>
          <text x={W - 2} y={H + 13} fontSize="11" textAnchor="end" fill="#1a1a1a">
            {axis?.[1]}
          </text>
        </svg>
      ) : null}
      <p id={summaryId} className="note" aria-live="polite">
        {summary}
      </p>
    </fieldset>
  );
}
