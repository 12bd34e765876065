import { describe, expect, it } from "vitest";
import { prepareResponses } from "../../../../engine/measurement/rasch";

/** Two items "a", "b" from a compact grid: "00 21" → [[0, 0], [2, 1]]. */
const ab = (grid: string) => ({
  items: ["a", "b"],
  responses: grid.split(" ").map((cell) => [...cell].map(Number)),
});

describe("prepareResponses", () => {
  it("groups persons by their pattern of missing responses", () => {
    const p = prepareResponses(
      {
        items: ["a", "b", "c"],
        responses: [
          [0, 1, null],
          [1, 1, 0],
          [1, null, 0],
          [0, 0, 1],
          [1, 0, null],
        ],
      },
      "rasch",
    );
    expect(p.groups.length).toBe(3);
    expect(Array.from(p.groups[0]!.items)).toEqual([0, 1]);
    expect(Array.from(p.groups[0]!.scoreCounts)).toEqual([0, 2, 0]);
    expect(Array.from(p.raw)).toEqual([1, 2, 1, 1, 1]);
    expect(Array.from(p.maxRaw)).toEqual([2, 3, 2, 3, 2]);
  });

  it("takes each PCM item's highest category from the data, as eRm", () => {
    expect(Array.from(prepareResponses(ab("00 11 21 10 01 20"), "pcm").maxCategory)).toEqual([2, 1]);
  });

  it("refuses an item with an unobserved category, naming item and category", () => {
    expect(() => prepareResponses(ab("00 21 20 01 10"), "pcm", [3, 1])).toThrow(
      'prepareResponses: item "a": category 3 is not observed among the persons who answered it',
    );
    expect(() => prepareResponses(ab("00 21 20 01"), "pcm")).toThrow('item "a": category 1 is not observed');
  });

  it("refuses a category seen only among persons with an extreme raw score", () => {
    // item a's category 2 occurs only in (2, 1), the maximum raw score
    expect(() => prepareResponses(ab("21 10 01 11 00"), "pcm")).toThrow(
      'item "a": category 2 is observed only among persons with an extreme raw score',
    );
  });

  it("refuses responses that are not integers in range", () => {
    expect(() => prepareResponses(ab("02"), "rasch")).toThrow(
      'person 1, item "b": response 2 is not an integer from 0 to 1',
    );
    expect(() => prepareResponses({ items: ["a", "b"], responses: [[0, -1]] }, "pcm")).toThrow("response -1");
    expect(() => prepareResponses({ items: ["a", "b"], responses: [[0, 0.5]] }, "pcm")).toThrow(
      "response 0.5",
    );
    expect(() => prepareResponses({ items: ["a"], responses: [[0]] }, "pcm")).toThrow("at least two items");
    expect(() => prepareResponses(ab("01"), "pcm", [1, 101])).toThrow("an integer from 1 to 100");
  });
});

describe("prepareResponses with collapsing", () => {
  it("renumbers an item's observed categories and reports it", () => {
    // item a uses 0 and 2 (1 unobserved): 2 becomes 1; item b is untouched
    const p = prepareResponses(ab("00 21 20 01 21 01"), "pcm", undefined, true);
    expect(p.collapsed).toEqual([{ item: "a", recode: { "0": 0, "2": 1 }, unobserved: [1] }]);
    expect(Array.from(p.maxCategory)).toEqual([1, 1]);
    expect(Array.from(p.raw)).toEqual([0, 2, 1, 1, 2, 1]);
  });
});
