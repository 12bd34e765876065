import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FrontierChart } from "~/components/charts/frontier-chart";
import { formatNumber } from "~/utils/format";

function costTicksAndTitle(
  points: { cumCost: number }[],
  budget: number,
): { ticks: string[]; title: string } {
  const svg = renderToStaticMarkup(
    <FrontierChart
      points={points.map((p, i) => ({
        id: `c${i}`,
        cumCost: p.cumCost,
        cumImpact: i + 1,
        withinBudget: true,
      }))}
      budget={budget}
      label="frontier"
      xLabel="Kumulativ kostnad (miljoner kr)"
      yLabel="effekt"
      budgetLabel="Budget"
      formatTick={(v, digits) => formatNumber("sv", v, digits)}
    />,
  );
  // x ticks sit on the line under the plot (y = 340 − 50 + 16 = 306)
  const ticks = [...svg.matchAll(/<text x="[^"]+" y="306"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const title = /class="axis-title">([^<]*)<\/text>/.exec(svg)![1]!;
  return { ticks, title };
}

describe("FrontierChart", () => {
  it("labels cost ticks in whole millions when they step by 20 million, and the axis title once with its unit", () => {
    // max 58 M · 1.05 = 60.9 M: ticks(0, 60.9 M, 5) step by 20 M (the first of 1, 2, 5, 10 × 10^7 ≥ 12.2 M)
    const { ticks, title } = costTicksAndTitle([{ cumCost: 10e6 }, { cumCost: 58e6 }], 20e6);
    expect(ticks).toEqual(["0", "20", "40", "60"]);
    expect(title).toBe("Kumulativ kostnad (miljoner kr)");
  });

  it("gives every tick one decimal when they step by half a million", () => {
    // max 1.9 M · 1.05 = 1.995 M: raw step 0.399 M, so 0.5 M
    const { ticks } = costTicksAndTitle([{ cumCost: 1.9e6 }], 1e6);
    expect(ticks).toEqual(["0,0", "0,5", "1,0", "1,5"]);
  });
});
