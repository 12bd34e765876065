import { useLocale, useT } from "~/i18n/use-t";
import { formatInterval, formatNumber } from "~/utils/format";

/** A value after disclosure control, as the data pages receive it. */
export interface ValueView {
  value: number | null;
  u: number | null;
  n: number | null;
  interval: [number, number] | null;
  suppressed: boolean;
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
  const digits = (x: number) => (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
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
  const d = digits(v.value);
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
      {t("data.datasetLine", {
        source: dataset.source,
        licence: dataset.licence,
        retrieved: dataset.retrieved,
        sha: dataset.sha256Short,
      })}
      {dataset.synthetic ? <span className="tag"> {t("pages.synthetic")}</span> : null}
    </span>
  );
}
