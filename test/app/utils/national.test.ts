import { describe, expect, it } from "vitest";
import { buildNationalView } from "~/utils/national.server";

const indicator = (direction: "higher" | "lower", values: number[]) => ({
  indicatorId: "x",
  label: "X",
  unit: "%",
  direction,
  goalLo: 0,
  goalHi: 100,
  period: "2022",
  source: "test",
  values: values.map((value, i) => ({ areaId: `A${i}`, areaName: `Area ${i}`, value, u: 0.5 })),
});

describe("buildNationalView", () => {
  it("ranks the home area by the indicator's direction and gives national and peer medians", () => {
    // values 10, 40, 20, 30, 50; home A2 = 20; peers A0 (10) and A4 (50)
    const groups = [{ title: "Liknande kommuner, test", members: ["A0", "A2", "A4"] }];
    const higher = buildNationalView([indicator("higher", [10, 40, 20, 30, 50])], "A2", groups);
    expect(higher.rows[0]).toMatchObject({ rank: 4, count: 5, nationalMedian: 30, peersMedian: 30, peerCount: 2 });
    const lower = buildNationalView([indicator("lower", [10, 40, 20, 30, 50])], "A2", groups);
    expect(lower.rows[0]!.rank).toBe(2); // only 10 is lower (better) than 20
    expect(higher.peers.map((p) => p.id)).toEqual(["A0", "A4"]);
    expect(higher.conditions).toBeNull(); // fewer than 50 municipalities: no scale
  });
});
