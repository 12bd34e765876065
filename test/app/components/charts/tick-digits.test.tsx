import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { tickDigits } from "~/components/charts/chart-figure";
import { TornadoChart } from "~/components/charts/tornado-chart";
import { formatNumber } from "~/utils/format";

describe("tickDigits", () => {
  it("gives the decimals that tell ticks one step apart", () => {
    expect(tickDigits([0, 0.005, 0.01])).toBe(3);
    expect(tickDigits([0, 0.002, 0.004])).toBe(3);
    expect(tickDigits([0, 0.5, 1])).toBe(1);
    expect(tickDigits([0, 20, 40])).toBe(0);
    expect(tickDigits([-0.002, 0, 0.002])).toBe(3);
  });

  it("needs no decimals for a single tick", () => {
    expect(tickDigits([0.25])).toBe(0);
  });
});

describe("TornadoChart's axis", () => {
  it("labels every tick with one precision (0,005 and 0,010, not 0,00500 and 0,0100)", () => {
    const svg = renderToStaticMarkup(
      <TornadoChart
        base={0.0077}
        bars={[{ input: "w", lines: ["Vikt: hälsa"], low: 0.0035, high: 0.0115 }]}
        label="tornado"
        formatTick={(v, d) => formatNumber("sv", v, d)}
      />,
    );
    // lo 0.0035, hi 0.0115, pad 0.0004: ticks(0.0031, 0.0119, 4) step by 0.005 (raw 0.0022 → 0.005)
    const ticks = [...svg.matchAll(/class="axis-label">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(["0,005", "0,010"]);
  });
});
