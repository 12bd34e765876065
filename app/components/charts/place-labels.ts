/** A label's box in SVG units: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A placed label: its text's start and baseline, its box, and whether it was moved off its default spot. */
export interface PlacedLabel {
  x: number;
  y: number;
  box: Box;
  moved: boolean;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Places short point labels so that no two overlap and none covers a point: each label starts up and to
 * the right of its point (dx, dy from the point to the text's start and baseline) and, if its box meets a
 * label placed before it or a point, is nudged vertically one label height at a time, alternately up and
 * down (up 1, down 1, up 2, …), staying within [top, bottom]. Labels are placed in the order given, so the
 * result is deterministic. A label with no free spot within `maxSteps` keeps its default place.
 *
 * @param points - the points' positions in SVG units
 * @param sizes - each label's width and height (height from the text's top to its baseline plus descent)
 * @returns one placement per point, in the same order
 */
export function placeLabels(
  points: readonly { x: number; y: number }[],
  sizes: readonly { w: number; h: number }[],
  {
    dx = 7,
    dy = -6,
    radius = 5,
    gap = 1,
    top = -Infinity,
    bottom = Infinity,
    maxSteps = 12,
  }: {
    dx?: number;
    dy?: number;
    radius?: number;
    gap?: number;
    top?: number;
    bottom?: number;
    maxSteps?: number;
  } = {},
): PlacedLabel[] {
  const obstacles: Box[] = points.map((p) => ({
    x: p.x - radius,
    y: p.y - radius,
    w: 2 * radius,
    h: 2 * radius,
  }));
  const placed: PlacedLabel[] = [];
  points.forEach((p, i) => {
    const { w, h } = sizes[i]!;
    // the text's box: baseline at y, ascent ≈ 80 % of h above it
    const at = (y: number): PlacedLabel => ({
      x: p.x + dx,
      y,
      box: { x: p.x + dx, y: y - 0.8 * h, w, h },
      moved: y !== p.y + dy,
    });
    const free = (l: PlacedLabel) =>
      l.box.y >= top &&
      l.box.y + l.box.h <= bottom &&
      !placed.some((q) => overlaps(l.box, q.box)) &&
      !obstacles.some((o) => overlaps(l.box, o));
    let choice = at(p.y + dy);
    if (!free(choice)) {
      for (let k = 1; k <= maxSteps; k++) {
        const up = at(p.y + dy - k * (h + gap));
        const down = at(p.y + dy + k * (h + gap));
        const found = [up, down].find(free);
        if (found) {
          choice = found;
          break;
        }
      }
    }
    placed.push(choice);
  });
  return placed;
}
