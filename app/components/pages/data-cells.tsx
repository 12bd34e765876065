import { useLocale, useT } from "~/i18n/use-t";
import { formatInterval, formatNumber } from "~/utils/format";
import { Interpolated, StoredText } from "./stored-text";

/** A value after disclosure control, as the data pages receive it. */
export interface ValueView {
  value: number | null;
  u: number | null;
  n: number | null;
  interval: [number, number] | null;
  suppressed: boolean;
}

/** Decimals shown for a measured value: fewer the larger it is. */
function digitsFor(x: number): number {
  const a = Math.abs(x);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/** A measured value with decimals by magnitude, in the user's language. */
export function formatMeasure(locale: "sv" | "en", x: number): string {
  return formatNumber(locale, x, digitsFor(x));
}

/** The header cells over {@link ValueCells}. */
export function ValueHeaders() {
  const t = useT();
  return (
    <>
      <th scope="col" className="num">
        {t("data.col.value")}
      </th>
      <th scope="col" className="num">
        {t("data.col.interval")}
      </th>
      <th scope="col" className="num">
        {t("data.col.n")}
      </th>
    </>
  );
}

/** Three cells: value ± u, the 95 % interval, n; a suppressed cell says so instead of a number. */
export function ValueCells({ v }: { v: ValueView }) {
  const t = useT();
  const locale = useLocale();
  if (v.suppressed || v.value === null) {
    return (
      <>
        <td className="num suppressed" colSpan={2}>
          {t("pages.suppressed")}
        </td>
        <td className="num">{v.n ?? "–"}</td>
      </>
    );
  }
  const d = digitsFor(v.value);
  return (
    <>
      <td className="num">
        {formatNumber(locale, v.value, d)}
        {v.u !== null ? ` ± ${formatNumber(locale, v.u, d)}` : ` (${t("pages.notStated")})`}
      </td>
      <td className="num">{v.interval ? formatInterval(locale, v.interval[0], v.interval[1], d) : "–"}</td>
      <td className="num">{v.n ?? "–"}</td>
    </>
  );
}

/** A dataset's provenance in one line: source, licence, retrieval date, short hash, synthetic tag. */
export function ProvenanceLine({
  dataset,
}: {
  dataset: { source: string; licence: string; retrieved: string; sha256Short: string; synthetic: boolean };
}) {
  const t = useT();
  return (
    <span className="note provenance">
      {" "}
      <Interpolated
        template={t("data.datasetLine", { retrieved: dataset.retrieved, sha: dataset.sha256Short })}
        parts={{
          source: <StoredText text={dataset.source} />,
          licence: <StoredText text={dataset.licence} />,
        }}
      />
      {dataset.synthetic ? <span className="tag"> {t("pages.synthetic")}</span> : null}
    </span>
  );
}
