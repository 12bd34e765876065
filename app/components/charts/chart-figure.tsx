import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "~/utils/format";
import { ScrollRegion } from "~/components/scroll-region";

export type Cell = string | number | null;

/** A number with as many decimals as its size needs to show three significant digits. */
export function formatCell(locale: "sv" | "en", v: Cell): string {
  if (v === null) return "–";
  if (typeof v === "string") return v;
  const a = Math.abs(v);
  const digits = a === 0 || a >= 100 ? 0 : a >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(a)));
  return formatNumber(locale, v, digits);
}

/**
 * A chart with its title, intro, the drawing (an SVG with role="img" and an aria-label pointing
 * to the table), the table alternative and a CSV download of the same numbers.
 */
export function ChartFigure({
  id,
  title,
  intro,
  csvHref,
  header,
  rows,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  csvHref: string;
  header: string[];
  rows: Cell[][];
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="chart" id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{intro}</p>
      {/* on a narrow screen the drawing keeps a legible size and scrolls sideways in its own region */}
      <div className="chart-drawing" role="group" aria-labelledby={`${id}-title`} tabIndex={0}>
        {children}
      </div>
      <details className="chart-table">
        <summary>{t("analysis.showTable")}</summary>
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table>
            <caption id={`${id}-caption`}>{title}</caption>
            <thead>
              <tr>
                {header.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, k) => (
                    <td key={k} className={typeof c === "number" ? "num" : undefined}>
                      {formatCell(locale, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
      <p>
        <a href={csvHref} download>
          {t("analysis.csv")}
        </a>
      </p>
    </section>
  );
}

/** "nice" axis ticks from lo to hi (about n of them). */
export function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/**
 * Decimals for an axis's tick labels: enough to tell ticks one step apart, the same for every tick
 * (ticks step by 1, 2 or 5 × 10^k: 0.005 → 3 decimals, 0.5 → 1, 20 → 0), so an axis never reads
 * "0,00500" beside "0,0100".
 */
export function tickDigits(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const step = Math.abs(values[1]! - values[0]!);
  return step >= 1 || step === 0 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
}

/** A linear scale from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}
