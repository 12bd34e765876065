import { describe, expect, it } from "vitest";
import { placeLabels } from "~/components/charts/place-labels";

// label boxes 9 × 12: the text's top is 0.8·12 = 9.6 above its baseline; a nudge is 12 + 1 = 13
const size = { w: 9, h: 12 };

describe("placeLabels", () => {
  it("leaves labels of points far apart at their default spot, up and right of the point", () => {
    const placed = placeLabels(
      [
        { x: 100, y: 100 },
        { x: 300, y: 200 },
      ],
      [size, size],
    );
    expect(placed.map((l) => [l.x, l.y, l.moved])).toEqual([
      [107, 94, false],
      [307, 194, false],
    ]);
  });

  it("nudges the labels of coinciding points up, then down, one label height apart", () => {
    const p = { x: 100, y: 100 };
    const placed = placeLabels([p, p, p], [size, size, size]);
    // first at the default baseline 94 (box 84.4–96.4); second up 13 to 81 (box 71.4–83.4);
    // third: 94 and 81 are taken, so down 13 to 107 (box 97.4–109.4)
    expect(placed.map((l) => [l.x, l.y, l.moved])).toEqual([
      [107, 94, false],
      [107, 81, true],
      [107, 107, true],
    ]);
  });

  it("keeps a label off another point", () => {
    // B's circle (r 5) spans x 107–117, y 85–95 and meets A's default box (x 107–116, y 84.4–96.4)
    const placed = placeLabels(
      [
        { x: 100, y: 100 },
        { x: 112, y: 90 },
      ],
      [size, size],
    );
    expect([placed[0]!.y, placed[0]!.moved]).toEqual([81, true]);
    expect([placed[1]!.x, placed[1]!.y, placed[1]!.moved]).toEqual([119, 84, false]);
  });

  it("keeps labels inside the drawing's top edge", () => {
    // default baseline 4 puts the box's top at −5.6, above 0: down to 17, then the next one to 30
    const p = { x: 100, y: 10 };
    const placed = placeLabels([p, p], [size, size], { top: 0 });
    expect(placed.map((l) => l.y)).toEqual([17, 30]);
  });

  it("gives no two labels overlapping boxes for a tight cluster, the same way every time", () => {
    const cluster = Array.from({ length: 8 }, (_, i) => ({ x: 200 + (i % 3), y: 150 + (i % 2) }));
    const sizes = cluster.map(() => size);
    const copy = JSON.parse(JSON.stringify(cluster)) as typeof cluster;
    const a = placeLabels(cluster, sizes);
    const b = placeLabels(cluster, sizes);
    expect(b).toEqual(a);
    expect(cluster).toEqual(copy);
    for (let i = 0; i < a.length; i++)
      for (let j = i + 1; j < a.length; j++) {
        const [p, q] = [a[i]!.box, a[j]!.box];
        const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        expect(apart, `labels ${i + 1} and ${j + 1}`).toBe(true);
      }
  });
});
