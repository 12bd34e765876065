import { EngineInputError } from "../../errors";

/** Persons × items responses: integers 0..m per item, `null` for a missing response. */
export interface ResponseData {
  /** Item names, one per column. */
  readonly items: readonly string[];
  /** One row per person, one cell per item. */
  readonly responses: readonly (readonly (number | null)[])[];
}

/** Which Rasch family model: dichotomous Rasch (every item 0/1) or partial credit. */
export type RaschModel = "rasch" | "pcm";

/** A set of persons who answered the same items (eRm's "NA group"). */
export interface MissingnessGroup {
  /** Indices of the items this group answered, ascending. */
  readonly items: Int32Array;
  /** Number of persons in the group at each raw score 0..Σ m_i over its items. */
  readonly scoreCounts: Float64Array;
}

/** Responses checked and arranged for conditional maximum likelihood. */
export interface PreparedResponses {
  readonly items: readonly string[];
  readonly nPersons: number;
  readonly nItems: number;
  /** Row-major persons × items, −1 for missing. */
  readonly x: Int16Array;
  /** Highest category m_i of each item. */
  readonly maxCategory: Int32Array;
  /** offsets[i] = Σ_{l<i} m_l: where item i's parameters start in a flat parameter vector. */
  readonly offsets: Int32Array;
  /** Number of responses in category h ≥ 1 of item i, at `offsets[i] + h − 1`. */
  readonly categoryCounts: Float64Array;
  readonly groups: readonly MissingnessGroup[];
  /** Each person's missingness group. */
  readonly personGroup: Int32Array;
  /** Each person's raw score over the items answered. */
  readonly raw: Int32Array;
  /** Each person's highest possible raw score over the items answered (0 if none answered). */
  readonly maxRaw: Int32Array;
  /** Items whose unobserved categories were collapsed: original category → category used. */
  readonly collapsed: readonly CollapsedItem[];
}

/** How an item's categories were renumbered after collapsing unobserved ones. */
export interface CollapsedItem {
  readonly item: string;
  /** Original category (as a string key) → consecutive category 0..m' used in the model. */
  readonly recode: Readonly<Record<string, number>>;
  /** The categories 0..m (stated or highest observed) that no one used. */
  readonly unobserved: readonly number[];
}

const FN = "prepareResponses";
/** Largest category accepted in a response. */
export const MAX_CATEGORY = 100;

/**
 * Check a response matrix and arrange it for conditional maximum likelihood: item categories,
 * category counts, raw scores, and persons grouped by their pattern of missing responses (as
 * eRm does: each group has its own elementary symmetric functions over the items it answered).
 *
 * Each item's categories are 0..m_i with m_i = 1 for the dichotomous model and, for the PCM,
 * the highest observed category (as eRm) unless `maxCategories` states it. Every category
 * 0..m_i must be observed, and observed among persons with a non-extreme raw score, or the
 * item's thresholds have no finite CML estimate; such an item is refused, naming the category.
 *
 * @param data - item names and persons × items responses (integers, `null` = missing)
 * @param model - "rasch" (0/1 items) or "pcm"
 * @param maxCategories - optional stated highest category per item (PCM)
 * @param collapseUnobserved - renumber each PCM item's observed categories 0, 1, 2, … instead of
 *   refusing an unobserved one (each unobserved category merges with the next observed one
 *   below it); the renumbering is reported in `collapsed`
 * @returns the prepared responses
 * @throws EngineInputError for fewer than two items, a ragged row, a response that is not an
 *   integer in 0..m, or an item with an unobserved category
 */
export function prepareResponses(
  data: ResponseData,
  model: RaschModel,
  maxCategories?: readonly number[],
  collapseUnobserved = false,
): PreparedResponses {
  const items = data.items;
  const J = items.length;
  if (J < 2) throw new EngineInputError(FN, "at least two items are needed");
  if (new Set(items).size !== J) throw new EngineInputError(FN, "item names must be unique");
  if (maxCategories !== undefined && maxCategories.length !== J) {
    throw new EngineInputError(FN, "maxCategories must give one highest category per item");
  }
  if (maxCategories?.some((m) => !Number.isInteger(m) || m < 1 || m > MAX_CATEGORY)) {
    throw new EngineInputError(FN, `a stated highest category must be an integer from 1 to ${MAX_CATEGORY}`);
  }
  const N = data.responses.length;
  if (N === 0) throw new EngineInputError(FN, "there are no persons");
  const x = new Int16Array(N * J);
  const observedMax = new Int32Array(J);
  for (let v = 0; v < N; v++) {
    const row = data.responses[v]!;
    if (row.length !== J) {
      throw new EngineInputError(FN, `person ${v + 1} has ${row.length} responses, there are ${J} items`);
    }
    for (let i = 0; i < J; i++) {
      const c = row[i];
      if (c === null || c === undefined) {
        x[v * J + i] = -1;
        continue;
      }
      const limit = model === "rasch" ? 1 : (maxCategories?.[i] ?? MAX_CATEGORY);
      if (!Number.isInteger(c) || c < 0 || c > limit) {
        throw new EngineInputError(
          FN,
          `person ${v + 1}, item "${items[i]}": response ${c} is not an integer from 0 to ${limit}`,
        );
      }
      x[v * J + i] = c;
      if (c > observedMax[i]!) observedMax[i] = c;
    }
  }
  const collapsed: CollapsedItem[] = [];
  if (collapseUnobserved && model === "pcm") {
    for (let i = 0; i < J; i++) {
      const top = maxCategories?.[i] ?? observedMax[i]!;
      const seen = new Uint8Array(top + 1);
      for (let v = 0; v < N; v++) if (x[v * J + i]! >= 0) seen[x[v * J + i]!] = 1;
      const unobserved: number[] = [];
      const rank = new Int32Array(top + 1);
      let next = 0;
      for (let c = 0; c <= top; c++) {
        if (seen[c]) rank[c] = next++;
        else unobserved.push(c);
      }
      if (unobserved.length === 0) continue;
      for (let v = 0; v < N; v++) if (x[v * J + i]! >= 0) x[v * J + i] = rank[x[v * J + i]!]!;
      observedMax[i] = Math.max(0, next - 1);
      const recode: Record<string, number> = {};
      for (let c = 0; c <= top; c++) if (seen[c]) recode[String(c)] = rank[c]!;
      collapsed.push({ item: items[i]!, recode, unobserved });
    }
  }
  const isCollapsed = new Set(collapsed.map((c) => c.item));
  const maxCategory = new Int32Array(J);
  for (let i = 0; i < J; i++) {
    const stated = isCollapsed.has(items[i]!) ? undefined : maxCategories?.[i];
    maxCategory[i] = model === "rasch" ? 1 : (stated ?? Math.max(1, observedMax[i]!));
  }
  const offsets = new Int32Array(J + 1);
  for (let i = 0; i < J; i++) offsets[i + 1] = offsets[i]! + maxCategory[i]!;

  const raw = new Int32Array(N);
  const maxRaw = new Int32Array(N);
  const personGroup = new Int32Array(N);
  const groupIndex = new Map<string, number>();
  const groupItems: Int32Array[] = [];
  const mask = new Array<string>(J);
  let anyMissing = false;
  for (let k = 0; k < x.length; k++) if (x[k]! < 0) anyMissing = true;
  for (let v = 0; v < N; v++) {
    let r = 0;
    let rmax = 0;
    for (let i = 0; i < J; i++) {
      const c = x[v * J + i]!;
      if (c >= 0) {
        r += c;
        rmax += maxCategory[i]!;
      }
      if (anyMissing) mask[i] = c >= 0 ? "1" : "0";
    }
    raw[v] = r;
    maxRaw[v] = rmax;
    const key = anyMissing ? mask.join("") : "";
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupItems.length;
      groupIndex.set(key, g);
      const answered: number[] = [];
      for (let i = 0; i < J; i++) if (x[v * J + i]! >= 0) answered.push(i);
      groupItems.push(Int32Array.from(answered));
    }
    personGroup[v] = g;
  }
  const scoreCounts = groupItems.map((its) => {
    let rmax = 0;
    for (const i of its) rmax += maxCategory[i]!;
    return new Float64Array(rmax + 1);
  });
  for (let v = 0; v < N; v++) scoreCounts[personGroup[v]!]![raw[v]!]! += 1;

  // Category counts, over everyone and over persons with a non-extreme raw score.
  const all = new Float64Array(offsets[J]! + J);
  const nonExtreme = new Float64Array(offsets[J]! + J);
  for (let v = 0; v < N; v++) {
    const informative = raw[v]! > 0 && raw[v]! < maxRaw[v]!;
    for (let i = 0; i < J; i++) {
      const c = x[v * J + i]!;
      if (c < 0) continue;
      all[offsets[i]! + i + c]! += 1;
      if (informative) nonExtreme[offsets[i]! + i + c]! += 1;
    }
  }
  for (let i = 0; i < J; i++) {
    for (let h = 0; h <= maxCategory[i]!; h++) {
      if (all[offsets[i]! + i + h] === 0) {
        throw new EngineInputError(
          FN,
          `item "${items[i]}": category ${h} is not observed among the persons who answered it ` +
            `(categories 0..${maxCategory[i]}); collapse it with a neighbouring category or drop the item`,
        );
      }
      if (nonExtreme[offsets[i]! + i + h] === 0) {
        throw new EngineInputError(
          FN,
          `item "${items[i]}": category ${h} is observed only among persons with an extreme raw score, ` +
            `so its threshold has no finite conditional ML estimate`,
        );
      }
    }
  }
  const categoryCounts = new Float64Array(offsets[J]!);
  for (let i = 0; i < J; i++) {
    for (let h = 1; h <= maxCategory[i]!; h++)
      categoryCounts[offsets[i]! + h - 1] = all[offsets[i]! + i + h]!;
  }
  const groups = groupItems.map((its, g) => ({ items: its, scoreCounts: scoreCounts[g]! }));
  return {
    items: [...items],
    nPersons: N,
    nItems: J,
    x,
    maxCategory,
    offsets,
    categoryCounts,
    groups,
    personGroup,
    raw,
    maxRaw,
    collapsed,
  };
}
